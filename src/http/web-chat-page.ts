/** The web chat page: one self-contained HTML file, no build step, readable on a phone. */
export const webChatPage = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Trợ lý phường – Phản ánh quảng cáo trái phép</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; background: #f3f5f7; display: flex; flex-direction: column; height: 100vh; }
  header { background: #b71c1c; color: #fff; padding: 12px 16px; font-weight: 600; }
  #log { flex: 1; overflow-y: auto; padding: 12px; }
  .msg { max-width: 80%; margin: 6px 0; padding: 8px 12px; border-radius: 14px; white-space: pre-wrap; line-height: 1.35; }
  .bot { background: #fff; border: 1px solid #dde; }
  .me { background: #1565c0; color: #fff; margin-left: auto; }
  .choices button { margin: 4px 4px 0 0; padding: 6px 10px; border-radius: 12px; border: 1px solid #1565c0; background: #fff; color: #1565c0; }
  .msg img { max-width: 100%; border-radius: 8px; margin-bottom: 6px; }
  form { display: flex; gap: 6px; padding: 8px; background: #fff; border-top: 1px solid #dde; }
  input[type=text] { flex: 1; padding: 10px; border-radius: 18px; border: 1px solid #ccd; font-size: 16px; }
  form button { border: 0; border-radius: 18px; padding: 0 14px; background: #1565c0; color: #fff; font-size: 15px; }
</style>
</head>
<body>
<header>Trợ lý phường</header>
<div id="log" aria-live="polite"></div>
<form id="f">
  <button type="button" id="loc" title="Gửi vị trí">📍</button>
  <label id="cam" title="Gửi ảnh" style="display:flex;align-items:center;padding:0 6px;font-size:20px;cursor:pointer">📷<input type="file" id="file" accept="image/*" style="display:none"></label>
  <input type="text" id="t" placeholder="Nhập tin nhắn…" autocomplete="off">
  <button type="submit">Gửi</button>
</form>
<script>
const key = 'phuong-chat-session';
let session = localStorage.getItem(key);
// The crypto UUID generator exists only on https (and localhost): a ward may serve this page over plain http.
const randomId = () => Array.from({ length: 24 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(Math.random() * 36)]).join('');
if (!session) { session = randomId(); localStorage.setItem(key, session); }
let after = 0;
const log = document.getElementById('log');
function show(text, who, extra) {
  const div = document.createElement('div');
  div.className = 'msg ' + who;
  for (const url of (extra && extra.photos) || []) { const img = document.createElement('img'); img.src = url; div.appendChild(img); }
  div.appendChild(document.createTextNode(text));
  if (extra && extra.document) { const a = document.createElement('a'); a.href = extra.document.url; a.textContent = ' 📎 ' + extra.document.filename; a.style.display = 'block'; a.download = extra.document.filename; div.appendChild(a); }
  if (extra && extra.choices && extra.choices.length) {
    const box = document.createElement('div'); box.className = 'choices';
    for (const c of extra.choices) {
      const b = document.createElement('button'); b.textContent = c.label;
      b.onclick = () => { show(c.label, 'me'); send({ choice: c.value }); };
      box.appendChild(b);
    }
    div.appendChild(box);
  }
  log.appendChild(div); log.scrollTop = log.scrollHeight;
}
async function send(payload) {
  const res = await fetch('/api/chat/messages', { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify(Object.assign({ session, clientMessageId: randomId() }, payload)) });
  if (!res.ok) { const e = await res.json().catch(() => ({})); show('Không gửi được: ' + (e.message || res.status), 'bot'); }
  poll();
}
async function poll() {
  const res = await fetch('/api/chat/messages?session=' + session + '&after=' + after).catch(() => null);
  if (!res || !res.ok) return;
  const { messages } = await res.json();
  for (const m of messages) { after = Math.max(after, m.id); show(m.text, 'bot', m); }
}
document.getElementById('f').onsubmit = (e) => {
  e.preventDefault();
  const t = document.getElementById('t'); const text = t.value.trim(); if (!text) return;
  show(text, 'me'); t.value = ''; send({ text });
};
document.getElementById('loc').onclick = () => {
  if (!navigator.geolocation) return show('Trình duyệt không cho lấy vị trí. Bạn gõ địa chỉ nhé.', 'bot');
  navigator.geolocation.getCurrentPosition(
    (p) => { show('📍 Vị trí của tôi', 'me'); send({ location: { latitude: p.coords.latitude, longitude: p.coords.longitude } }); },
    () => show('Không lấy được vị trí. Bạn gõ địa chỉ nhé.', 'bot'));
};
document.getElementById('file').onchange = async (e) => {
  const file = e.target.files[0]; e.target.value = ''; if (!file) return;
  show('📷 Ảnh', 'me');
  const res = await fetch('/api/chat/photos?session=' + session, { method: 'POST', headers: { 'content-type': file.type || 'image/jpeg' }, body: file });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) return show(body.message || 'Không gửi được ảnh.', 'bot');
  send({ photo: body.mediaId });
};
setInterval(poll, 1500);
if (!localStorage.getItem(key + '-started')) { localStorage.setItem(key + '-started', '1'); send({ text: 'xin chào' }); } else { poll(); }
</script>
</body>
</html>`;
