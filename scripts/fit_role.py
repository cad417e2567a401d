#!/usr/bin/env python3
"""Find market dimensions and task automation scores that reproduce a published AIJRI.

Usage: scripts/fit_role.py  (edits ROLES below). For each role it prints every near
solution: task scores changed by at most one step from the preferred table, E/B within
two of the preferred totals, G fixed by the label. Used to build Curricula/roles/*.yaml;
not part of the product.
"""
import itertools

def aijri(tr, e, b, g):
    raw = tr * (1 + 0.04 * e) * (1 + 0.02 * b) * (1 + 0.05 * g)
    return min(100.0, max(0.0, 100 * (raw - 0.54) / 7.93))

def r1(x):
    return round(x * 10 + 1e-9) / 10  # half up, as Swift's .rounded() for positives

def label(score, g, at3):
    s = r1(score)
    if s < 25: return "Red"
    if s < 48: return "Yellow"
    if abs(g - 2) < 1e-9: return "Green (Accelerated)"
    return "Green (Transforming)" if at3 >= 0.2 - 1e-9 else "Green (Stable)"

# name: (target, label, shares%, preferred scores, E, B, G)
ROLES = {}

def solve(name, target, want, shares, scores, E, B, G):
    sols = []
    deltas = [(-1, 0, 1)] * len(scores)
    for d in itertools.product(*deltas):
        sc = [s + x for s, x in zip(scores, d)]
        if any(s < 1 or s > 5 for s in sc): continue
        changed = sum(1 for x in d if x)
        if changed > 2: continue
        w = sum(sh * s for sh, s in zip(shares, sc)) / 100
        tr = 6 - w
        at3 = sum(sh for sh, s in zip(shares, sc) if s >= 3) / 100
        for e in range(max(-10, E - 2), min(10, E + 2) + 1):
            for b in range(max(0, B - 2), min(10, B + 2) + 1):
                v = aijri(tr, e, b, G)
                if abs(r1(v) - target) < 1e-9 and label(v, G, at3) == want:
                    cost = changed * 2 + abs(e - E) + abs(b - B)
                    sols.append((cost, sc, e, b, round(tr, 2), round(v, 4), at3))
    sols.sort(key=lambda s: s[0])
    print(name, target, want)
    for s in sols[:6]:
        print("   cost", s[0], "scores", s[1], "E", s[2], "B", s[3], "TR", s[4], "->", s[5], "at3+", s[6])
    if not sols: print("   no solution")

if __name__ == "__main__":
    import json, sys
    for line in open(sys.argv[1]):
        line = line.strip()
        if not line or line.startswith("#"): continue
        r = json.loads(line)
        solve(r["name"], r["target"], r["label"], r["shares"], r["scores"], r["E"], r["B"], r["G"])
