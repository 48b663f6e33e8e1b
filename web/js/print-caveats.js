// A printed answer carries its caveats in full: the reasons folded under "为什么" on
// screen are opened before printing.
window.addEventListener('beforeprint', () => {
  for (const more of document.querySelectorAll('.finding.caveats details')) more.open = true;
});
