#!/usr/bin/env python3
"""Would trainer-labelled utterances help as nearest-neighbour cases? (docs/Evaluation.md)

Usage: scripts/nearest-case-experiment.py HELD_OUT.labels.jsonl DISAGREEMENTS.txt

HELD_OUT is a labels file the scorer was never tuned on; DISAGREEMENTS.txt is the output of
`visitcoach evaluate HELD_OUT --disagreements 100000` (the scorer's verdicts). The bank is every
scenarios/evaluation/dev/*.labels.jsonl except HELD_OUT. For each judgement, the scorer's verdict
is OR-ed with "the nearest bank utterance judged for the same name (character-bigram Dice) is a
true one, at TAU or more"; prints macro-F1 and fault recall/precision for several TAU.
"""
import json,glob,re,sys,collections
setup_kind={}
import yaml
st=yaml.safe_load(open('/work/main/scenarios/evaluation/setup.yaml'))
for name,v in st['criteria'].items():
    setup_kind[name]=v.get('kind','positive') if isinstance(v,dict) else 'positive'
def norm(s):
    return re.sub(r'[\s，。！？、,.!?；;：:“”"\'（）()…~～—-]','',s)
def grams(s):
    s=norm(s)
    b=set(s[i:i+2] for i in range(len(s)-1))
    return b if b else set(s)
def load(files):
    items=[]
    for f in files:
        for l in open(f):
            o=json.loads(l)
            if 'judgements' in o:
                items.append(o)
    return items
test_files=sys.argv[1].split(',')
bank_files=[f for f in glob.glob('/work/main/scenarios/evaluation/dev/*.labels.jsonl') if not any(t.split('/')[-1]==f.split('/')[-1] for t in test_files)]
bank=load(bank_files)
test=load(test_files)
# scorer predictions from disagreements file
dis={}
for l in open(sys.argv[2]):
    m=re.match(r'\s+(\S+): (\S+) expected (true|false), scored (true|false)',l)
    if m: dis[(m.group(1),m.group(2))]=m.group(4)=='true'
bybank=collections.defaultdict(list)
for o in bank:
    g=grams(o['utterance'])
    for L,v in o['judgements'].items():
        bybank[L].append((g,v,o['utterance']))
def dice(a,b): return 2*len(a&b)/(len(a)+len(b)) if a and b else 0
def knn(u,L,tau):
    g=grams(u); best=(0,None,None)
    for gb,v,ub in bybank.get(L,[]):
        s=dice(g,gb)
        if s>best[0]: best=(s,v,ub)
    return best
for tau in [1.1,0.5,0.45,0.4,0.35,0.3,0.25]:
    stats=collections.defaultdict(lambda:[0,0,0,0])
    for o in test:
        for L,v in o['judgements'].items():
            sc=dis.get((o['id'],L), v)
            s,nv,ub=knn(o['utterance'],L,tau)
            pred = sc or (s>=tau and nv is True)
            k=setup_kind.get(L,'positive')
            st_=stats[L]
            if pred and v: st_[0]+=1
            elif pred and not v: st_[1]+=1
            elif not pred and v: st_[2]+=1
            else: st_[3]+=1
    f1s=[]
    ft=[0,0,0]
    for L,(tp,fp,fn,tn) in stats.items():
        p=tp/(tp+fp) if tp+fp else 1.0; r=tp/(tp+fn) if tp+fn else 1.0
        f=2*p*r/(p+r) if p+r else 0
        if tp+fn==0 and fp==0: f=1.0
        f1s.append(f)
        if setup_kind.get(L)=='fault': ft[0]+=tp; ft[1]+=fp; ft[2]+=fn
    print(f"tau {tau}: macroF1 {sum(f1s)/len(f1s):.3f} faults recall {ft[0]/(ft[0]+ft[2]):.3f} precision {ft[0]/max(1,ft[0]+ft[1]):.3f} fp {ft[1]}")

