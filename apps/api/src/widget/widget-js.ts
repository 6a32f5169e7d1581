/**
 * The loader a site pastes: `<script src="ORIGIN/widget.js" data-service="SLUG" async></script>`.
 * It puts the status card in an iframe right after itself, so nothing of the host page can break it
 * and it can break nothing of the host page; any error is swallowed. Its origin is PUBLIC_URL's
 * when set, else the one the browser loaded it from (`document.currentScript`), never a request
 * header: the file is cached for an hour by shared caches.
 */
export function widgetJs(publicOrigin: string | null): string {
  const origin = publicOrigin ? JSON.stringify(publicOrigin) : 'new URL(document.currentScript.src).origin';
  return `(function(){try{
var origin=${origin};
var scripts=document.querySelectorAll('script[data-service]');
for(var i=0;i<scripts.length;i++){var sc=scripts[i];if(sc.getAttribute('data-outage-radar'))continue;
if(sc.src.indexOf(origin+'/')!==0)continue;sc.setAttribute('data-outage-radar','1');
var slug=(sc.getAttribute('data-service')||'').replace(/[^a-z0-9-]/g,'');if(!slug)continue;
var f=document.createElement('iframe');f.src=origin+'/embed/'+slug;f.title='Service status';
f.loading='lazy';f.style.cssText='border:0;width:100%;max-width:320px;height:92px;color-scheme:light';
sc.parentNode.insertBefore(f,sc.nextSibling);}
}catch(e){}})();`;
}
