;; The AND/count kernel of the floor search's bitmaps (floor-index.ts). Chunks are 256 words (1,024 bytes) at
;; byte offsets the caller chooses inside the first page of memory; words are read 64 bits at a time.
(module
  (memory (export "memory") 1)
  ;; Counts of the last `select`: offers and enterprises among the matches.
  (global $offers (export "offers") (mut i32) (i32.const 0))
  (global $enterprises (export "enterprises") (mut i32) (i32.const 0))
  ;; Whether the last `countAndKeep` kept any match.
  (global $kept (export "kept") (mut i32) (i32.const 0))

  ;; out = a & b & ~x
  (func (export "andAndNot") (param $a i32) (param $b i32) (param $x i32) (param $out i32)
    (local $i i32)
    (loop $words
      (i64.store (i32.add (local.get $out) (local.get $i))
        (i64.and
          (i64.and
            (i64.load (i32.add (local.get $a) (local.get $i)))
            (i64.load (i32.add (local.get $b) (local.get $i))))
          (i64.xor (i64.load (i32.add (local.get $x) (local.get $i))) (i64.const -1))))
      (local.set $i (i32.add (local.get $i) (i32.const 8)))
      (br_if $words (i32.lt_u (local.get $i) (i32.const 1024)))))

  ;; out &= a; returns how many bits out has left
  (func (export "andInto") (param $a i32) (param $out i32) (result i32)
    (local $i i32) (local $count i64) (local $word i64)
    (loop $words
      (local.set $word
        (i64.and
          (i64.load (i32.add (local.get $out) (local.get $i)))
          (i64.load (i32.add (local.get $a) (local.get $i)))))
      (i64.store (i32.add (local.get $out) (local.get $i)) (local.get $word))
      (local.set $count (i64.add (local.get $count) (i64.popcnt (local.get $word))))
      (local.set $i (i32.add (local.get $i) (i32.const 8)))
      (br_if $words (i32.lt_u (local.get $i) (i32.const 1024))))
    (i32.wrap_i64 (local.get $count)))

  ;; out &= ~a
  (func (export "andNotInto") (param $a i32) (param $out i32)
    (local $i i32)
    (loop $words
      (i64.store (i32.add (local.get $out) (local.get $i))
        (i64.and
          (i64.load (i32.add (local.get $out) (local.get $i)))
          (i64.xor (i64.load (i32.add (local.get $a) (local.get $i))) (i64.const -1))))
      (local.set $i (i32.add (local.get $i) (i32.const 8)))
      (br_if $words (i32.lt_u (local.get $i) (i32.const 1024)))))

  ;; Counts the matches `w`, and those also in `o` (offers) and `e` (enterprises) into the globals; writes to
  ;; `out` the matches the type keeps: w & ((o & ko) | (e & ke) | (~(o | e) & kp)), each k 0 or -1. Returns the
  ;; number of matches (before the type).
  (func (export "countAndKeep")
    (param $w i32) (param $o i32) (param $e i32) (param $out i32)
    (param $ko i32) (param $ke i32) (param $kp i32) (result i32)
    (local $i i32) (local $all i64) (local $offers i64) (local $enterprises i64) (local $any i64)
    (local $word i64) (local $offer i64) (local $enterprise i64) (local $keptWord i64)
    (local $mo i64) (local $me i64) (local $mp i64)
    (local.set $mo (i64.extend_i32_s (local.get $ko)))
    (local.set $me (i64.extend_i32_s (local.get $ke)))
    (local.set $mp (i64.extend_i32_s (local.get $kp)))
    (loop $words
      (local.set $word (i64.load (i32.add (local.get $w) (local.get $i))))
      (local.set $offer (i64.load (i32.add (local.get $o) (local.get $i))))
      (local.set $enterprise (i64.load (i32.add (local.get $e) (local.get $i))))
      (local.set $all (i64.add (local.get $all) (i64.popcnt (local.get $word))))
      (local.set $offers (i64.add (local.get $offers) (i64.popcnt (i64.and (local.get $word) (local.get $offer)))))
      (local.set $enterprises
        (i64.add (local.get $enterprises) (i64.popcnt (i64.and (local.get $word) (local.get $enterprise)))))
      (local.set $keptWord
        (i64.and (local.get $word)
          (i64.or
            (i64.or
              (i64.and (local.get $offer) (local.get $mo))
              (i64.and (local.get $enterprise) (local.get $me)))
            (i64.and
              (i64.xor (i64.or (local.get $offer) (local.get $enterprise)) (i64.const -1))
              (local.get $mp)))))
      (i64.store (i32.add (local.get $out) (local.get $i)) (local.get $keptWord))
      (local.set $any (i64.or (local.get $any) (local.get $keptWord)))
      (local.set $i (i32.add (local.get $i) (i32.const 8)))
      (br_if $words (i32.lt_u (local.get $i) (i32.const 1024))))
    (global.set $kept (i64.ne (local.get $any) (i64.const 0)))
    (global.set $offers (i32.wrap_i64 (local.get $offers)))
    (global.set $enterprises (i32.wrap_i64 (local.get $enterprises)))
    (i32.wrap_i64 (local.get $all)))
)
