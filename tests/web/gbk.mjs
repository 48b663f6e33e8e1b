// GBK bytes of a text, as Chinese Excel saves a CSV (Node has a GBK decoder but no
// encoder; the table is made from the decoder).
let table;
export function gbk(text) {
  if (!table) {
    table = new Map();
    const decoder = new TextDecoder('gbk');
    for (let a = 0x81; a <= 0xfe; a += 1) {
      for (let b = 0x40; b <= 0xfe; b += 1) {
        if (b === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && !table.has(ch)) table.set(ch, [a, b]);
      }
    }
  }
  const out = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else out.push(...table.get(ch));
  }
  return Buffer.from(out);
}
