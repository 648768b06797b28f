namespace ParServerless.Pipeline.Pages;

/// <summary>
/// The pages' style and script, inlined in each page (no CDN, no build step, one request per page). Colours keep at least
/// 4.5:1 against their background; focus is a thick outline that never depends on colour alone. The script is progressive:
/// without it every table is complete and in rank order; with it, a unit search and sortable columns appear.
/// </summary>
public static class PageAssets
{
    public const string Css = """
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:#1a1a1a;background:#fff}
.wrap{max-width:72rem;margin:0 auto;padding:0 1rem}
a{color:#0b4f8a}
a:hover{color:#062f54}
:focus-visible{outline:3px solid #8a3b00;outline-offset:2px;box-shadow:0 0 0 5px #fff}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem}
.skip:focus{left:1rem;z-index:2}
header.site{background:#0b3d66;color:#fff;padding:.75rem 0}
header.site .wrap{display:flex;flex-wrap:wrap;gap:.5rem 2rem;align-items:center;justify-content:space-between}
header.site a{color:#fff}
header.site :focus-visible{outline-color:#ffd37a;box-shadow:none}
.brand{font-weight:700;font-size:1.1rem;text-decoration:none}
nav ul,.crumbs ol{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
.crumbs{padding-top:.75rem;font-size:.95rem}
.crumbs li+li::before{content:"›";margin-right:.5rem;color:#555}
main{padding-bottom:2rem}
main:focus{outline:none}
h1{font-size:1.6rem;line-height:1.25;margin:1rem 0 .5rem}
h2{font-size:1.3rem;margin:2rem 0 .5rem}
h3{font-size:1.1rem;margin:1.25rem 0 .5rem}
.lead{color:#333;margin-top:0}
.links{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;padding:0;list-style:none}
.note{background:#f3f6f9;border-left:4px solid #0b4f8a;padding:.5rem .75rem}
.table-wrap{overflow-x:auto;position:relative}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{padding:.4rem .5rem;border-bottom:1px solid #c9ced4;text-align:left;vertical-align:top}
th{background:#eef2f6}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;color:#0b4f8a;cursor:pointer;text-decoration:underline}
.stats{display:flex;flex-wrap:wrap;gap:.5rem 2rem;padding:0;list-style:none}
.stats li{background:#f3f6f9;padding:.35rem .6rem;border-radius:.25rem}
.search label{display:block;font-weight:600}
.search input{font:inherit;padding:.4rem .5rem;border:2px solid #555;border-radius:.25rem;width:min(100%,24rem)}
figure{margin:1rem 0}
figcaption{font-weight:600}
svg.chart{width:100%;max-width:48rem;display:block}
svg.chart text{font-family:inherit;fill:#1a1a1a}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.up{color:#0a5c2b}
.down{color:#a11d1d}
.small{font-size:.85rem;white-space:normal}
.alert{background:#fff4e5;border-left:6px solid #8a3b00;padding:.5rem .75rem;margin:1rem 0}
.alert h2{margin-top:.25rem;color:#6b2d00}
.progress progress{width:min(100%,24rem);height:1.25rem}
form button,select,input[type=file]{font:inherit}
footer.site{border-top:1px solid #c9ced4;margin-top:2rem;padding:1rem 0;color:#333;font-size:.95rem}
@media (max-width:40rem){h1{font-size:1.35rem}th,td{padding:.35rem .25rem}.table-wrap th[scope=row]{min-width:11rem}table[data-sortable] th[scope=row]{min-width:7.5rem}thead th.num{white-space:normal}}
""";

    public const string Script = """
(function(){
var strip=function(s){return s.normalize('NFD').replace(/[\u0300-\u036f]/g,'').replace(/đ/g,'d').replace(/Đ/g,'D').toLowerCase();};
document.querySelectorAll('[data-search-for]').forEach(function(box){
 var table=document.getElementById(box.getAttribute('data-search-for'));var input=box.querySelector('input');var status=box.querySelector('[role=status]');
 if(!table||!input)return;box.hidden=false;
 input.addEventListener('input',function(){var q=strip(input.value.trim());var shown=0;
  table.tBodies[0].querySelectorAll('tr').forEach(function(tr){var hit=!q||strip(tr.getAttribute('data-name')||'').indexOf(q)>=0;tr.hidden=!hit;if(hit)shown++;});
  if(status)status.textContent=q?(status.getAttribute('data-found')||'{n}').replace('{n}',shown):'';});
});
document.querySelectorAll('table[data-sortable]').forEach(function(table){
 table.querySelectorAll('thead th[data-sort]').forEach(function(th,i){
  var b=document.createElement('button');b.type='button';b.textContent=th.textContent;th.textContent='';th.appendChild(b);
  b.addEventListener('click',function(){var col=Array.prototype.indexOf.call(th.parentNode.children,th);var asc=th.getAttribute('aria-sort')!=='ascending';
   table.querySelectorAll('thead th').forEach(function(o){o.removeAttribute('aria-sort');});th.setAttribute('aria-sort',asc?'ascending':'descending');
   var rows=Array.prototype.slice.call(table.tBodies[0].rows);var num=th.getAttribute('data-sort')==='num';
   rows.sort(function(a,c){var x=a.cells[col].getAttribute('data-value')||a.cells[col].textContent;var y=c.cells[col].getAttribute('data-value')||c.cells[col].textContent;
    var n=function(v){var f=parseFloat(v);return isNaN(f)?1e12:f;};var r=num?(n(x)-n(y)):x.localeCompare(y,'vi');return asc?r:-r;});
   rows.forEach(function(r){table.tBodies[0].appendChild(r);});});
 });
});
 // The upload desk: a file form posts through XMLHttpRequest so that its upload progress can be shown; the answer (the whole
 // desk page) then replaces the document. Without script, or without FormData, the form posts as usual.
 document.querySelectorAll('form[data-progress]').forEach(function(form){
  var box=document.getElementById(form.getAttribute('data-progress'));if(!box||!window.FormData||!window.XMLHttpRequest)return;
  var bar=box.querySelector('progress');var text=box.querySelector('[role=status]');
  var say=function(key,p){text.textContent=(box.getAttribute(key)||'').replace('{p}',p);};
  form.addEventListener('submit',function(e){
   var submitter=e.submitter;var action=(submitter&&submitter.getAttribute('formaction'))||form.getAttribute('action');
   e.preventDefault();var data=new FormData(form);var buttons=form.querySelectorAll('button');
   var xhr=new XMLHttpRequest();xhr.open('POST',action);
   box.hidden=false;bar.value=0;say('data-sending',0);buttons.forEach(function(b){b.disabled=true;});
   xhr.upload.onprogress=function(ev){if(ev.lengthComputable&&ev.total>0){var p=Math.floor(ev.loaded*100/ev.total);bar.value=p;say('data-sending',p);}};
   xhr.upload.onload=function(){bar.value=100;say('data-waiting','');};
   xhr.onload=function(){document.open();document.write(xhr.responseText);document.close();};
   xhr.onerror=function(){buttons.forEach(function(b){b.disabled=false;});say('data-failed','');};
   xhr.send(data);
  });
 });
 // After a post, the answer (report, receipt or refusal) takes the focus, so keyboard and screen-reader users land on it.
 var answer=document.querySelector('[data-focus]');if(answer)answer.focus();
})();
""";
}
