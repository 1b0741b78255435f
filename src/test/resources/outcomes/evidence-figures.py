# Independent computations of the evidence tests' expected figures (plain python, no shared code).
from math import sqrt, log, exp
z = 1.959963984540054
def wilson(k, n):
    p = k/n; d = 1 + z*z/n
    c = (p + z*z/(2*n))/d; h = z*sqrt(p*(1-p)/n + z*z/(4*n*n))/d
    return p, c-h, c+h
def katz(a,n,b,m):
    rr = (a/n)/(b/m); se = sqrt(1/a-1/n+1/b-1/m)
    return rr, exp(log(rr)-z*se), exp(log(rr)+z*se)
def newcombe(a,n,b,m):
    p1,l1,u1 = wilson(a,n); p2,l2,u2 = wilson(b,m); d=p1-p2
    return d, d-sqrt((p1-l1)**2+(u2-p2)**2), d+sqrt((u1-p1)**2+(p2-l2)**2)
def smd(p1,p0):
    return (p1-p0)/sqrt((p1*(1-p1)+p0*(1-p0))/2)
print("wilson 6/20", wilson(6,20))
print("newcombe 6/20 vs 9/20", newcombe(6,20,9,20))
# effectiveness CEM
pT = 6/20; pC = 0.5*6/20 + 0.5*3/5
var = pT*(1-pT)/20 + 0.25*(0.3*0.7/20) + 0.25*(0.6*0.4/5)
d = pT-pC; print("cem d", d, d - z*sqrt(var), d + z*sqrt(var))
print("smd LOW before", smd(10/22, 20/29), "HIGH before", smd(10/22, 5/29))
# validation
levels = ['LOW','MODERATE','HIGH','VERY_HIGH']
people = []  # (level, outcome)
def add(level, outcome, k):
    people.extend([(level, outcome)]*k)
# WHITE
add('HIGH',0,2); add('VERY_HIGH',0,2); add('LOW',0,10); add('MODERATE',0,6)
add('LOW',1,1); add('MODERATE',1,2); add('HIGH',1,5); add('VERY_HIGH',1,4)
# BLACK
add('HIGH',0,4); add('VERY_HIGH',0,2); add('LOW',0,5); add('MODERATE',0,4)
add('MODERATE',1,2); add('HIGH',1,5); add('VERY_HIGH',1,4)
# ASIAN
add('LOW',0,2); add('HIGH',1,1)
for L in levels:
    n = sum(1 for p in people if p[0]==L); k = sum(1 for p in people if p[0]==L and p[1])
    print("calibration", L, n, k, wilson(k,n))
pos = [levels.index(l) for l,o in people if o]; neg = [levels.index(l) for l,o in people if not o]
wins = sum((1 if a>b else 0.5 if a==b else 0) for a in pos for b in neg)
A = wins/(len(pos)*len(neg)); q1=A/(2-A); q2=2*A*A/(1+A)
se = sqrt((A*(1-A)+(len(pos)-1)*(q1-A*A)+(len(neg)-1)*(q2-A*A))/(len(pos)*len(neg)))
print("auc", len(pos), len(neg), A, max(0,A-z*se), min(1,A+z*se))
print("fpr white", wilson(4,20), "black", wilson(6,15), "ratio", katz(6,15,4,20))
print("fnr white", wilson(3,12), "black", wilson(2,11), "ratio", katz(2,11,3,12))
# equity
print("referral", katz(21,30,20,40)); print("acceptance", katz(12,20,15,18))
print("completion", katz(6,12,9,12)); print("outcome", katz(12,30,10,40))
print("wilson referral black", wilson(21,30))
