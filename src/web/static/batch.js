// The batch page's progress bar: polls the batch's progress every second while it runs.
(() => {
  const box = document.getElementById('batch-progress');
  if (!box || box.dataset.done === 'true' || box.dataset.status === 'open') return;
  const bar = document.getElementById('progress-bar');
  const text = document.getElementById('progress-text');
  const status = document.getElementById('batch-status');
  const tick = async () => {
    let p;
    try {
      const response = await fetch(box.dataset.url, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
      if (!response.ok) return setTimeout(tick, 2000);
      p = await response.json();
    } catch {
      return setTimeout(tick, 2000);
    }
    bar.value = p.percent;
    bar.textContent = `${p.percent}%`;
    status.textContent = p.status.replace(/_/g, ' ');
    text.textContent = `${p.percent}% · ${p.completed} of ${p.count} labels, ${p.errors} errors`;
    if (!p.done) return setTimeout(tick, 1000);
    box.dataset.done = 'true';
    if (p.labelsUrl) {
      document.getElementById('labels-link').href = p.labelsUrl;
      document.getElementById('batch-file').hidden = false;
    }
    document.getElementById('batch-reload').hidden = false;
  };
  setTimeout(tick, 1000);
})();
