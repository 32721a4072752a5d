CREATE INDEX "inquiries_product_idx" ON "inquiries" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "inquiries_offer_idx" ON "inquiries" USING btree ("offer_id");--> statement-breakpoint
CREATE INDEX "listing_reports_listing_idx" ON "listing_reports" USING btree ("listing_type","listing_id");--> statement-breakpoint
CREATE INDEX "offer_matches_enterprise_idx" ON "offer_matches" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "offers_product_idx" ON "offers" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "offers_category_idx" ON "offers" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "products_category_idx" ON "products" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "quotes_enterprise_idx" ON "quotes" USING btree ("enterprise_id","created_at");--> statement-breakpoint
CREATE INDEX "search_documents_enterprise_idx" ON "search_documents" USING btree ("enterprise_id");