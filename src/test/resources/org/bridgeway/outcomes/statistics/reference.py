"""Independent reference figures for the outcomes statistics tests (python3, numpy, scipy 1.17.1).

Run: python3 reference.py. Each test names the figures it takes from here. The formulas are
written out again from their papers, not translated from the Java, and scipy is used where it has
the estimator itself (norm, chi2, ecdf with log-log intervals, logrank, relative_risk,
mannwhitneyu).
"""
from scipy import stats
import numpy as np, math
z=stats.norm.ppf(0.975)
print("z975 %.15f"%z)
for p in [1e-10,0.001,0.02425,0.3,0.5,0.9,0.999999]:
    print("ppf",p,"%.15g"%stats.norm.ppf(p))
for x in [-8,-3,-1.5,0,0.5,2,6]:
    print("cdf",x,"%.17g"%stats.norm.cdf(x))
for x,df in [(3.841458820694124,1),(10,3),(0.5,2),(50,10),(1,5),(100,1)]:
    print("chi2sf",x,df,"%.17g"%stats.chi2.sf(x,df))
def wilson(s,n,conf=0.95):
    z=stats.norm.ppf(1-(1-conf)/2); p=s/n
    c=(p+z*z/(2*n))/(1+z*z/n); h=z/(1+z*z/n)*math.sqrt(p*(1-p)/n+z*z/(4*n*n))
    return c-h,c+h
for s,n in [(0,10),(5,10),(10,10),(81,263),(15,148),(0,20),(1,29)]:
    print("wilson",s,n,["%.10f"%v for v in wilson(s,n)])
# statsmodels alternative?
try:
    from statsmodels.stats.proportion import proportion_confint
    print("statsmodels available")
except Exception as e: print("no statsmodels")

# ---- proportions, survival
def wilson(s,n,z):
    p=s/n
    c=(p+z*z/(2*n))/(1+z*z/n); h=z/(1+z*z/n)*math.sqrt(p*(1-p)/n+z*z/(4*n*n))
    return max(0,c-h),min(1,c+h)
z=stats.norm.ppf(0.975)
def newcombe(a,n1,b,n2):
    p1=a/n1;p2=b/n2;l1,u1=wilson(a,n1,z);l2,u2=wilson(b,n2,z)
    d=p1-p2
    return d, d-math.sqrt((p1-l1)**2+(u2-p2)**2), d+math.sqrt((u1-p1)**2+(p2-l2)**2)
for case in [(56,70,48,80),(9,10,3,10),(6,7,2,7),(5,56,0,29),(0,10,0,20),(0,10,0,10),(10,10,0,20),(10,10,0,10)]:
    print("newcombe",case,["%.10f"%v for v in newcombe(*case)])
def katz(a,n1,c,n2):
    if a==0 or c==0: a+=.5;c+=.5;n1+=1;n2+=1
    rr=(a/n1)/(c/n2); se=math.sqrt(1/a-1/n1+1/c-1/n2)
    return rr, rr*math.exp(-z*se), rr*math.exp(z*se)
for case in [(30,100,20,100),(12,40,45,300),(0,50,10,60),(7,7,3,10)]:
    print("katz",case,["%.10f"%v for v in katz(*case)])
# scipy relative risk (Katz) for cross-check
r=stats.contingency.relative_risk(30,100,20,100); ci=r.confidence_interval(0.95)
print("scipy rr", r.relative_risk, ci.low, ci.high)
r=stats.contingency.relative_risk(12,40,45,300); ci=r.confidence_interval(0.95)
print("scipy rr", r.relative_risk, ci.low, ci.high)
# Freireich 6-MP
t6=[6,6,6,6,7,9,10,10,11,13,16,17,19,20,22,23,25,32,32,34,35]
e6=[1,1,1,0,1,0,1,0,0,1,1,0,0,0,1,1,0,0,0,0,0]
tp=[1,1,2,2,3,4,4,5,5,8,8,8,8,11,11,12,12,15,17,22,23]
ep=[1]*21
sample=stats.CensoredData(uncensored=[t for t,e in zip(t6,e6) if e],right=[t for t,e in zip(t6,e6) if not e])
res=stats.ecdf(sample)
sf=res.sf
ci=sf.confidence_interval(0.95, method='log-log')
for q,p,lo,hi in zip(sf.quantiles,sf.probabilities,ci.low.probabilities,ci.high.probabilities):
    print("km6mp t=%g S=%.10f lo=%.10f hi=%.10f"%(q,p,lo,hi))
# own greenwood
n=len(t6);S=1;gs=0
for t in sorted(set(t6)):
    d=sum(1 for tt,e in zip(t6,e6) if tt==t and e); r=sum(1 for tt in t6 if tt>=t)
    if d: S*=1-d/r; gs+=d/(r*(r-d))
    print("own t=%g n=%d d=%d S=%.10f se=%.10f"%(t,r,d,S,S*math.sqrt(gs)))
lr=stats.logrank(sample, stats.CensoredData(uncensored=tp))
print("logrank", lr.statistic, lr.statistic**2, lr.pvalue)

# ---- instrument validation, regression, matching
z=stats.norm.ppf(0.975)
def hm(pos,neg):
    u=stats.mannwhitneyu(pos,neg).statistic
    A=u/(len(pos)*len(neg)); P=len(pos);N=len(neg)
    q1=A/(2-A); q2=2*A*A/(1+A)
    se=math.sqrt((A*(1-A)+(P-1)*(q1-A*A)+(N-1)*(q2-A*A))/(P*N))
    return A,se,max(0,A-z*se),min(1,A+z*se)
print("auc ties", ["%.10f"%v for v in hm([3,2,2],[1,2])])
normal=[1]*33+[2]*6+[3]*6+[4]*11+[5]*2
abnormal=[1]*3+[2]*2+[3]*2+[4]*11+[5]*33
print("auc hanley", ["%.10f"%v for v in hm(abnormal,normal)])
# logistic, Wikipedia hours/pass
hours=np.array([0.50,0.75,1.00,1.25,1.50,1.75,1.75,2.00,2.25,2.50,2.75,3.00,3.25,3.50,4.00,4.25,4.50,4.75,5.00,5.50])
passed=np.array([0,0,0,0,0,0,1,0,1,0,1,0,1,0,1,1,1,1,1,1])
def irls(X,y):
    X=np.column_stack([np.ones(len(y)),X]); b=np.zeros(X.shape[1])
    for _ in range(100):
        p=1/(1+np.exp(-X@b)); W=p*(1-p)
        b=b+np.linalg.solve(X.T@(X*W[:,None]), X.T@(y-p))
    return b
print("logit hours", ["%.12f"%v for v in irls(hours,passed)])
rng=np.random.default_rng(8)
n=60
X=np.column_stack([rng.normal(40,10,n).round(1), rng.integers(0,2,n), rng.normal(0,1,n).round(2)])
eta=-3+0.05*X[:,0]+0.8*X[:,1]-0.6*X[:,2]
y=(rng.random(n)<1/(1+np.exp(-eta))).astype(int)
b=irls(X,y)
print("X=",X.tolist()); print("y=",y.tolist())
print("logit3", ["%.12f"%v for v in b])
# log-rank 3 groups
t6=[6,6,6,6,7,9,10,10,11,13,16,17,19,20,22,23,25,32,32,34,35]
e6=[1,1,1,0,1,0,1,0,0,1,1,0,0,0,1,1,0,0,0,0,0]
tp=[1,1,2,2,3,4,4,5,5,8,8,8,8,11,11,12,12,15,17,22,23]; ep=[1]*21
t3=[3,5,7,9,12,15,18,20,25,30]; e3=[1,1,0,1,1,0,1,1,0,1]
groups=[(t6,e6),(tp,ep),(t3,e3)]
alltimes=sorted(set(t for g in groups for t,e in zip(*g) if e))
k=3; U=np.zeros(k); V=np.zeros((k,k))
for t in alltimes:
    n=np.array([sum(1 for tt in g[0] if tt>=t) for g in groups],float)
    d=np.array([sum(1 for tt,e in zip(*g) if tt==t and e) for g in groups],float)
    N=n.sum(); D=d.sum()
    U+=d-D*n/N
    if N>1:
        V+=D*(N-D)/(N-1)*(np.diag(n/N)-np.outer(n/N,n/N))
chi=U[:2]@np.linalg.solve(V[:2,:2],U[:2])
print("logrank3 %.12f %.15g"%(chi, stats.chi2.sf(chi,2)))
# weighted difference
def wd(t,c):
    def s(g):
        w=np.array([x[1] for x in g]); yy=np.array([x[0] for x in g]); return (w*yy).sum()/w.sum(), w.sum()**2/(w*w).sum()
    pt,nt=s(t); pc,nc=s(c); se=math.sqrt(pt*(1-pt)/nt+pc*(1-pc)/nc); d=pt-pc
    return pt,pc,d,d-z*se,d+z*se,nt,nc
print("wd", ["%.10f"%v for v in wd([(1,1),(1,1),(0,1),(0,1)],[(1,1),(0,2),(0,1)])])
t=np.array([1,2,3.]); c=np.array([2,4,6,8.])
ps=math.sqrt((t.var(ddof=1)+c.var(ddof=1))/2)
print("smd", (t.mean()-c.mean())/ps, (t.mean()-7)/ps)
# propensity matching example: pooled SD of the single covariate (the logit is linear in it)
t=np.array([9,6,3.]);c=np.array([8.8,6.3,5.9,1,0.5,2])
p=np.sqrt((t.var(ddof=1)+c.var(ddof=1))/2);print("psm variances",t.var(ddof=1),c.var(ddof=1),"pooled",p,"caliper",0.2*p)
