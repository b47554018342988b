// The score panel beside vitest's browser UI (grading/ui/score-panel.ts serves and injects this file).
//
// It listens to /__faultline__/events, one event per run written (grading/ui/types.ts, UiScore version 1), and
// redraws: per exercise its total and bar, per task its points and bar, and the staged hint of every task short of
// full marks. Every string from a run (titles, hints, notes) is set as text, never parsed as HTML.
(() => {
  'use strict';
  const EVENTS = '/__faultline__/events';
  const COLLAPSED = 'faultline-score-collapsed';

  /** An element with classes and, optionally, text. */
  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = String(text);
    return node;
  };
  const percent = (score, max) => (max === 0 ? 0 : Math.floor((100 * score) / max));
  const state = (score, max) => (score >= max ? 'fl-full' : score === 0 ? 'fl-none' : 'fl-some');
  const bar = (score, max, thin) => {
    const outer = el('div', `fl-bar ${state(score, max)}${thin ? ' fl-thin' : ''}`);
    const fill = el('div', 'fl-fill');
    fill.style.width = `${max === 0 ? 0 : (100 * score) / max}%`;
    outer.append(fill);
    outer.setAttribute('role', 'img');
    outer.setAttribute('aria-label', `${percent(score, max)} %`);
    return outer;
  };
  /** Text whose `backticked` parts are code, as the hints write them. */
  const prose = (tag, className, text) => {
    const node = el(tag, className);
    String(text)
      .split('`')
      .forEach((part, i) => node.append(i % 2 === 1 ? el('code', '', part) : part));
    return node;
  };
  /** A name that may be cut short on screen: whole on hover. */
  const name = (className, text) => {
    const node = el('span', `fl-name ${className}`.trim(), text);
    node.title = String(text);
    return node;
  };
  const row = (...children) => {
    const node = el('div', 'fl-row');
    node.append(...children);
    return node;
  };

  const panel = el('aside', 'fl-panel');
  panel.id = 'faultline-score';
  panel.setAttribute('aria-label', 'Score');
  const head = el('div', 'fl-head');
  const title = el('span', 'fl-title', 'Score');
  const status = el('span', 'fl-status', 'connecting…');
  const toggle = el('button', 'fl-toggle');
  toggle.type = 'button';
  const summary = el('span', 'fl-summary');
  head.append(el('span', 'fl-logo'), title, status, summary, toggle);
  const body = el('div', 'fl-body');
  body.setAttribute('aria-live', 'polite');
  panel.append(head, body);

  const collapse = (collapsed) => {
    document.documentElement.classList.toggle('fl-collapsed', collapsed);
    toggle.title = collapsed ? 'Show the score' : 'Hide the score';
    toggle.setAttribute('aria-label', toggle.title);
    toggle.setAttribute('aria-expanded', String(!collapsed));
    try {
      localStorage.setItem(COLLAPSED, collapsed ? '1' : '0');
    } catch {
      // private mode: the choice lasts this page only
    }
  };
  toggle.addEventListener('click', () => collapse(!document.documentElement.classList.contains('fl-collapsed')));

  function hint(slug, task) {
    const box = el('div', 'fl-hint');
    // Stage 0: the task builds on one still short of full marks, and says to finish that first.
    const label = task.hint.stage === 0 ? 'First' : `Hint ${task.hint.stage} of ${task.hint.stages}`;
    box.append(el('div', 'fl-hint-head', label), prose('p', 'fl-hint-text', task.hint.text));
    const read = [task.hint.readme, task.hint.paper].filter((r) => typeof r === 'string');
    if (read.length > 0) box.append(el('p', 'fl-read', `Read: ${read.join('; ')}`));
    if (task.hint.stage > 0 && task.hint.stage < task.hint.stages) {
      const next = el('p', 'fl-next', 'Stuck? The next hint: ');
      next.append(el('code', '', `npm run hint -- ${slug} ${task.id}`));
      box.append(next);
    }
    return box;
  }

  function exercise(result) {
    const section = el('section', 'fl-exercise');
    section.dataset.exercise = result.name;
    const total = el('span', `fl-points ${state(result.score, result.maxScore)}`, `${result.score}/${result.maxScore}`);
    section.append(
      row(name('fl-exercise-title', result.title), total, el('span', 'fl-percent', `${percent(result.score, result.maxScore)} %`)),
      bar(result.score, result.maxScore, false),
    );
    if (result.stale) section.append(el('p', 'fl-note fl-stale', 'The latest run ran only some of these tests: this is the score of the last full run. Run every test for your current score.'));
    const tasks = el('ol', 'fl-tasks');
    for (const task of result.tasks) {
      const item = el('li', `fl-task ${state(task.score, task.maxScore)}`);
      item.dataset.task = String(task.id);
      item.append(
        row(el('span', 'fl-task-id', `Task ${task.id}`), name('', task.title), el('span', 'fl-points', `${task.score}/${task.maxScore}`)),
        bar(task.score, task.maxScore, true),
      );
      if (task.hint) item.append(hint(result.name, task));
      tasks.append(item);
    }
    section.append(tasks);
    for (const note of result.notes) section.append(el('p', 'fl-note', note));
    return section;
  }

  function render(score) {
    panel.dataset.run = String(score.run);
    body.replaceChildren();
    if (score.run === 0 || score.exercises.length === 0) {
      status.textContent = score.run === 0 ? 'waiting for the first run…' : 'no graded tests ran';
      summary.textContent = '';
      summary.className = 'fl-summary';
      return;
    }
    status.textContent = `updated ${new Date(score.endedAt).toLocaleTimeString()}`;
    const points = score.exercises.reduce((sum, e) => sum + e.score, 0);
    const max = score.exercises.reduce((sum, e) => sum + e.maxScore, 0);
    summary.textContent = `${percent(points, max)} %`;
    summary.className = `fl-summary fl-points ${state(points, max)}`;
    if (score.exercises.length > 1) {
      const all = el('section', 'fl-exercise fl-total');
      all.append(row(name('fl-exercise-title', 'All exercises'), el('span', `fl-points ${state(points, max)}`, `${points}/${max}`), el('span', 'fl-percent', `${percent(points, max)} %`)), bar(points, max, false));
      body.append(all);
    }
    for (const result of score.exercises) body.append(exercise(result));
    body.append(el('p', 'fl-about', 'Redrawn when a run ends. A task you have started shows a hint until it has full marks; if it stays stuck as you change its code, the next hint follows.'));
  }

  function connect() {
    const events = new EventSource(EVENTS);
    events.onmessage = (event) => {
      panel.classList.remove('fl-offline');
      try {
        render(JSON.parse(event.data));
      } catch {
        status.textContent = 'unreadable score';
      }
    };
    // The browser reconnects by itself, as when vitest restarts its server.
    events.onerror = () => {
      panel.classList.add('fl-offline');
      status.textContent = 'not connected: is vitest still running?';
    };
  }

  function start() {
    document.body.append(panel);
    document.documentElement.classList.add('fl-score');
    let collapsed = false;
    try {
      collapsed = localStorage.getItem(COLLAPSED) === '1';
    } catch {
      // no storage: shown
    }
    collapse(collapsed);
    connect();
  }

  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
})();
