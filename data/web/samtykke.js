/* samtykke.js — consent banner. Copyright 2026 The Samtykke authors. SPDX-License-Identifier: GPL-3.0-or-later */
(()=>{let d=document,w=window,P,K,C,B,S,F,lang,
q=(s,r)=>[...(r||d).querySelectorAll(s)],
h=(t,a,...k)=>{let e=d.createElement(t);
for(let n in a)e.setAttribute(n,a[n]);
e.append(...k);
return e},
L=o=>o&&o[lang]||'',
T=k=>L(P.texts[k]),
cat=i=>K.find(c=>c.id==i),
has=i=>{let c=cat(i);
return !!c&&(c.required||!!C&&C.c.includes(i))},
safe=u=>/^(https?|mailto):/i.test(u),
read=()=>{let n=P.cookie.name+'=',v=d.cookie.split('; ').find(s=>s.startsWith(n));
if(v)try{v=JSON.parse(decodeURIComponent(v.slice(n.length)));
if(v.r==P.revision&&v.e>Date.now())return v
}catch(e){}},
rec=()=>({id:C.i,
time:new Date(C.t).toISOString(),
revision:C.r,
choices:Object.fromEntries(K.map(c=>[c.id,has(c.id)])),
language:lang}),
gt=m=>{let g=w.gtag||w.dataLayer&&function(){dataLayer.push(arguments)},o={};
if(g){K.forEach(c=>c.consent_mode.forEach(s=>o[s]=o[s]=='granted'||(m?has(c.id):c.required)?'granted':'denied'));
g('consent',m?'update':'default',o)}},
clean=()=>{let x=location.hostname.split('.'),doms=['',...x.map((_,i)=>';domain='+x.slice(i).join('.'))];
P.providers.forEach(p=>has(p.category)||p.cookies.forEach(k=>{let re=RegExp('^'+k.name.split('*').map(s=>s.replace(/\W/g,'\\$&')).join('.*')+'$'),
m=n=>k.pattern?re.test(n):n==k.name,s;
if(!k.delete_on_withdraw)return;
if(k.kind=='cookie')
d.cookie.split('; ').map(s=>s.split('=')[0]).filter(m).forEach(n=>doms.forEach(x=>[k.path||'/','/'].forEach(p=>d.cookie=n+'=;max-age=0;path='+p+x)));
else if(s={local_storage:w.localStorage,session_storage:w.sessionStorage}[k.kind])
Object.keys(s).filter(m).forEach(n=>s.removeItem(n))}))},
apply=()=>{q('script[type="text/plain"][data-category]').forEach(s=>{if(has(s.dataset.category)){let n=d.createElement('script');
for(let a of s.attributes)a.name!='type'&&n.setAttribute(a.name,a.value);
n.async=s.hasAttribute('async');
n.text=s.text;
s.replaceWith(n)}});
q('[data-samtykke-embed]').forEach(e=>{let i=e.dataset.samtykkeEmbed,p=P.providers.find(p=>p.embeds.some(x=>x.id==i)),t=e.querySelector('template');
if(!p||!t)return;
if(has(p.category))return e.replaceChildren(t.content.cloneNode(!0));
if(!e.querySelector('.stk-e'))
e.append(h('div',{class:'stk stk-e',lang},
h('p',{},h('b',{},p.name),': '+L(p.purpose)),
h('p',{},L(p.embeds.find(x=>x.id==i).placeholder)||T('embed_placeholder').replace('{provider}',()=>p.name).replace('{category}',()=>L(cat(p.category).title))),
h('button',{type:'button','data-stk':'e','data-c':p.category},T('embed_accept'))))});
st()},
st=f=>q('[data-samtykke-status]').forEach(e=>{let a=K.filter(c=>!c.required&&has(c.id)).map(c=>L(c.title));
(f||!e.firstChild)&&e.replaceChildren(h('p',{},a.length?a.join(', '):T('consent_none')),
...C?[h('p',{},T('consent_id')+': ',h('code',{},C.i)),h('p',{},T('consent_date')+': '+new Date(C.t).toLocaleString(lang))]:[],
h('p',{class:'stk-a'},h('button',{type:'button','data-stk':'set'},T('change_consent')),h('button',{type:'button','data-stk':'none'},T('withdraw_consent'))))}),
btns=(...k)=>h('div',{class:'stk-a'},...k.map(x=>h('button',{type:'button','data-stk':x},T({all:'accept_all',none:'reject_all',set:'settings',save:'save_choices'}[x])))),
save=ids=>{let now=Date.now(),all,days,r,dom=P.cookie.domain;
ids=K.filter(c=>c.required||ids.includes(c.id)).map(c=>c.id);
all=ids.length==K.length;
days=all?P.cookie.accept_days:P.cookie.decline_days;
C={r:P.revision,i:C&&C.i||[...crypto.getRandomValues(new Uint8Array(16))].map(b=>(b | 256).toString(16).slice(1)).join(''),t:now,e:now+days*864e5,c:ids};
d.cookie=P.cookie.name+'='+encodeURIComponent(JSON.stringify(C))+';path=/;max-age='+days*86400+';samesite=lax'+
(dom&&('.'+location.hostname).endsWith('.'+dom)?';domain='+dom:'')+(location.protocol=='https:'?';secure':'');
B.hidden=!0;
S&&S.close();
try{clean()}catch(e){}
gt(1);
apply();
st(1);
r=rec();
P.log_endpoint&&navigator.sendBeacon(P.log_endpoint,JSON.stringify(r));
d.dispatchEvent(new CustomEvent('samtykke-change',{detail:r}))},
open=()=>{F=d.activeElement;
S&&S.remove();
S=h('dialog',{class:'stk stk-s','aria-labelledby':'stk-st',lang,dir:B.dir},
h('button',{type:'button',class:'stk-x','data-stk':'x','aria-label':T('close')},'×'),
h('h2',{id:'stk-st'},T('settings_title')),
h('p',{},T('settings_body')),
...K.map(c=>{let i=h('input',{type:'checkbox',role:'switch','data-c':c.id});
i.checked=has(c.id);
i.disabled=c.required;
return h('div',{class:'stk-c'},
h('label',{},i,L(c.title)+(c.required?' ('+T('always_on')+')':'')),
h('p',{},L(c.description)),
h('details',{},h('summary',{},T('show_details')),
h('ul',{},...P.providers.filter(p=>p.category==c.id).map(p=>{let u=L(p.privacy_policy);
return h('li',{},h('b',{},p.name),' – '+L(p.purpose)+' ',safe(u)?h('a',{href:u},T('privacy_policy_link')):'',
h('ul',{},...p.cookies.map(k=>h('li',{},h('code',{},k.name),' – '+L(k.purpose)+' ('+L(k.duration)+')'))))}))))}),
btns('save','all','none'));
S.addEventListener('close',()=>F&&F.focus());
d.body.append(S);
S.showModal()},
start=p=>{let l=(d.documentElement.lang||'').toLowerCase();
P=p;K=p.categories;
lang=P.languages.find(x=>x==l)||P.languages.find(x=>x==l.split('-')[0])||P.default_language;
C=read();
gt(0);
C&&gt(1);
B.hidden=!!C;
C||B.lang==lang&&B.firstChild||B.replaceChildren(h('div',{class:'stk-b',role:'dialog','aria-labelledby':'stk-t','aria-describedby':'stk-d'},
h('h2',{id:'stk-t'},T('banner_title')),
h('p',{id:'stk-d'},T('banner_body')+' ',h('a',{href:P.pages[lang]},T('policy_link'))),
btns('all','none','set')));
B.id='samtykke';
B.lang=lang;
B.dir=P.rtl.includes(lang)?'rtl':'ltr';
new MutationObserver(apply).observe(d,{childList:!0,subtree:!0});
apply();
d.addEventListener('click',e=>{let t=e.target.closest('[data-stk],[data-samtykke-settings]'),k=t&&t.dataset.stk;
if(!t)return;
if(!k)e.preventDefault(),open();
else if(k=='set')open();
else if(k=='x')S.close();
else save(k=='all'?K.map(c=>c.id):k=='none'?[]:k=='e'?[...C?C.c:[],t.dataset.c]:q('[data-c]:checked',S).map(i=>i.dataset.c))});
w.Samtykke={get:()=>C?rec():null,has,open,save,withdraw:()=>save([])}},
boot=()=>{let j=d.getElementById('samtykke-policy');
if(B=d.querySelector('samtykke-banner'))
j?start(JSON.parse(j.textContent)):fetch(B.getAttribute('src')||'policy.json').then(r=>r.json()).then(start)};
d.querySelector('samtykke-banner')||d.readyState!='loading'?boot():d.addEventListener('DOMContentLoaded',boot)
})();
