//! Stable sorts with a single monomorphic core.
//!
//! [`sort_by`] computes the sorted order of the slice's *indices* with a
//! bottom-up merge sort over a `&mut dyn FnMut(usize, usize) -> Ordering`
//! (compiled once for the whole program), then moves the elements into that
//! order by following the permutation's cycles (n swaps at most). The result
//! is exactly `<[T]>::sort_by`'s: stable, equal elements keep their order.
//! The cost is one indirect call per comparison and two `usize` buffers,
//! negligible for the lists a simulated machine sorts (names, ids, keys).

use std::cmp::Ordering;
use std::hash::Hash;

/// Stable sort by a comparator (same result as `slice::sort_by`).
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = {
        let items: &[T] = v;
        sorted_order(items.len(), &mut |a, b| cmp(&items[a], &items[b]))
    };
    permute(v, order);
}

/// Stable sort by a key (same result as `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Stable sort of ordered elements (same result as `slice::sort`).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sorts an `IndexMap` by its keys (same result as `IndexMap::sort_keys`).
pub fn sort_keys<K: Ord + Hash + Eq, V, S: std::hash::BuildHasher + Default>(
    map: &mut indexmap::IndexMap<K, V, S>,
) {
    if map.len() < 2 {
        return;
    }
    let mut entries: Vec<(K, V)> = std::mem::take(map).into_iter().collect();
    sort_by(&mut entries, |a, b| a.0.cmp(&b.0));
    map.extend(entries);
}

/// The stable sorted order of `0..n` under `cmp` (bottom-up merge sort on
/// indices; already-sorted input is detected in one pass).
fn sorted_order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut cur: Vec<usize> = (0..n).collect();
    if (1..n).all(|i| cmp(i - 1, i) != Ordering::Greater) {
        return cur;
    }
    let mut next = vec![0usize; n];
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j, mut k) = (lo, mid, lo);
            while i < mid && j < hi {
                // Stable: the left run wins ties.
                if cmp(cur[j], cur[i]) == Ordering::Less {
                    next[k] = cur[j];
                    j += 1;
                } else {
                    next[k] = cur[i];
                    i += 1;
                }
                k += 1;
            }
            next[k..k + (mid - i)].copy_from_slice(&cur[i..mid]);
            k += mid - i;
            next[k..k + (hi - j)].copy_from_slice(&cur[j..hi]);
            lo = hi;
        }
        std::mem::swap(&mut cur, &mut next);
        width *= 2;
    }
    cur
}

/// Reorders `v` so that position `k` holds what was at `order[k]`.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for start in 0..v.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at; // done
            if from == start || from == at {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn small_cases() {
        let mut v: Vec<i32> = vec![];
        sort(&mut v);
        assert!(v.is_empty());
        let mut v = vec![3, 1, 2];
        sort(&mut v);
        assert_eq!(v, [1, 2, 3]);
        let mut v = vec!["b", "a", "c", "a"];
        sort_by(&mut v, |a, b| b.cmp(a));
        assert_eq!(v, ["c", "b", "a", "a"]);
    }

    #[test]
    fn stable_on_equal_keys() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }

    #[test]
    fn index_map_keys() {
        let mut m = indexmap::IndexMap::<String, i32>::new();
        for (k, v) in [("b", 1), ("c", 2), ("a", 3)] {
            m.insert(k.into(), v);
        }
        sort_keys(&mut m);
        assert_eq!(
            m.iter().map(|(k, v)| (k.as_str(), *v)).collect::<Vec<_>>(),
            [("a", 3), ("b", 1), ("c", 2)]
        );
        assert_eq!(m.get("c"), Some(&2));
    }

    proptest! {
        #[test]
        fn same_as_std(v in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            let mut std_ = v;
            sort_by_key(&mut ours, |p| p.0);
            std_.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, std_);
        }
    }
}
