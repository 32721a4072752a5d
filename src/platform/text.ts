// Text helpers for search and URLs. Vietnamese users type names with or without tone marks, in either
// Unicode normal form (macOS and old Windows keyboards send NFD), so comparisons go through foldVietnamese.

// NFD splits every Vietnamese vowel into a base letter and combining marks (tones, circumflex, breve,
// horn); removing the marks leaves the bare letter. "đ" is a letter of its own, not d plus a mark, so NFD
// leaves it alone and it is mapped by hand.
const COMBINING_MARKS = /\p{M}/gu;
const D_WITH_STROKE = /[đĐ]/g;

/** "Thủy Sản  ĐỒNG Tháp" → "thuy san dong thap": lower case, no marks, single spaces, trimmed. */
export function foldVietnamese(text: string): string {
  return (
    text
      .normalize("NFD")
      .replace(COMBINING_MARKS, "")
      .replace(D_WITH_STROKE, "d")
      // Dashes become "-" as PostgreSQL's unaccent does, so fold_vietnamese() in SQL gives the same text.
      .replace(/[\u2010-\u2015\u2212]/g, "-")
      .toLowerCase()
      .replace(/\s+/g, " ")
      .trim()
  );
}

/** "Bà Rịa – Vũng Tàu" → "ba-ria-vung-tau": folded, every run of other characters becomes one "-". */
export function slugify(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
