# The figures of CountyOf12 computed independently of the Java (python3 + scipy):
# python3 src/test/java/org/bridgeway/outcomes/measure/county_of_12.py
# Independent computation of the fixture's figures (not sharing code with the Java).
from datetime import date
from math import sqrt
from scipy.stats import norm, chi2
z = norm.ppf(0.975)
def wilson(k, n):
    p = k/n
    d = 1 + z*z/n
    c = (p + z*z/(2*n))/d
    h = z*sqrt(p*(1-p)/n + z*z/(4*n*n))/d
    return round(p,6), round(c-h,6), round(c+h,6)
for k,n in [(3,10),(6,9),(5,8),(1,12),(2,11),(1,2),(2,5),(2,9),(2,3)]:
    print(f"wilson {k}/{n}", wilson(k,n))
asof = date(2030,1,1)
d = lambda a,b: (a-b).days
# (days, event, gender)
subjects = {
 'P1': (d(date(2025,6,1),date(2025,1,10)),1,'F'),
 'P2': (d(date(2026,6,1),date(2025,2,1)),1,'F'),
 'P3': (d(asof,date(2025,3,1)),0,'F'),
 'P4': (d(date(2028,6,1),date(2025,3,15)),1,'F'),
 'P5': (d(date(2027,12,1),date(2026,1,5)),1,'M'),
 'P6': (d(asof,date(2026,6,1)),0,'M'),
 'P7': (d(date(2027,5,1),date(2027,2,1)),1,'M'),
 'P8': (d(asof,date(2028,6,1)),0,'M'),
 'P9': (d(date(2029,5,1),date(2029,3,1)),1,'M'),
 'P10': (d(date(2025,12,1),date(2025,5,1)),0,'M'),
 'P11': (d(date(2025,8,1),date(2025,5,1)),1,'M'),
 'P12': (d(date(2026,8,1),date(2025,7,1)),1,'M'),
}
print({k:v[0] for k,v in subjects.items()})
def km(items):
    times = sorted(set(t for t,e in items if e))
    s=1; gw=0; out=[]
    for t in times:
        n = sum(1 for u,e in items if u>=t)
        dd = sum(1 for u,e in items if u==t and e)
        s *= (1-dd/n)
        if n>dd: gw += dd/(n*(n-dd))
        if 0<s<1:
            from math import log, exp
            se = sqrt(gw)/abs(log(s))
            lo, hi = s**exp(z*se), s**exp(-z*se)
        else: lo=hi=s
        out.append((t,n,dd,round(s,6),round(lo,6),round(hi,6)))
    return out
allitems=[(t,e) for t,e,g in subjects.values()]
for row in km(allitems): print("km", row)
# two-group log-rank, group F
times = sorted(set(t for t,e,g in subjects.values() if e))
O=E=V=0
for t in times:
    n = sum(1 for u,e,g in subjects.values() if u>=t)
    n1 = sum(1 for u,e,g in subjects.values() if u>=t and g=='F')
    dd = sum(1 for u,e,g in subjects.values() if u==t and e)
    d1 = sum(1 for u,e,g in subjects.values() if u==t and e and g=='F')
    O+=d1; E+=dd*n1/n
    if n>1: V+= dd*(n1/n)*(1-n1/n)*(n-dd)/(n-1)
chi=(O-E)**2/V
print("logrank chi", round(chi,6), "p", round(chi2.sf(chi,1),6))
import statistics
print("median", statistics.median([10,20,4]), statistics.median([10,20]))
