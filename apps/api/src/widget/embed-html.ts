const escapeHtml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The status card shown in the iframe: a few hundred bytes of HTML, CSS and script, no framework.
 * It asks for the status every minute and says "status unknown" rather than break.
 */
export function embedHtml(slug: string, name: string, origin: string): string {
  const s = escapeHtml(slug);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(name)} status</title>
<style>
body{margin:0;font:14px/1.4 system-ui,sans-serif;color:#111}
a{display:block;padding:12px 14px;border:1px solid #ddd;border-radius:8px;color:inherit;text-decoration:none;background:#fff}
b{font-size:15px}.s{margin-block-start:4px}.ok{color:#2e7d32}.possible{color:#b45309}.problems{color:#b91c1c}.unknown{color:#6b7280}
small{color:#555}
</style></head><body>
<a href="${escapeHtml(origin)}/services/${s}" target="_blank" rel="noopener"><b>${escapeHtml(name)}</b>
<div class="s unknown" id="s" role="status">status unknown</div><small id="n"></small></a>
<script>
(function(){var el=document.getElementById('s'),n=document.getElementById('n'),etag='';
var text={ok:'✓ No current problems',possible:'! Possible problems',problems:'✕ Problems detected',unknown:'? Status unknown'};
function show(st,count){el.className='s '+st;el.textContent=text[st]||text.unknown;n.textContent=count==null?'':count+' reports in the last hour';}
function poll(){try{fetch('/api/services/${s}/status',{headers:etag?{'if-none-match':etag}:{}}).then(function(r){
if(r.status===304)return;if(!r.ok)throw 0;etag=r.headers.get('etag')||'';return r.json().then(function(d){show(d.status,d.reportsLastHour);});
}).catch(function(){show('unknown',null);});}catch(e){show('unknown',null);}}
poll();setInterval(poll,60000);})();
</script></body></html>`;
}
