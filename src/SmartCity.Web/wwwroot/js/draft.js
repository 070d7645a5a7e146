// Keeps the text a user types into a long form in this browser (localStorage), so it survives a dropped
// connection, a lost circuit or a reload. After Blazor reconnects, the fields are re-sent to the server.
const watched = new Map(); // key -> { ids, base }

function collect(ids) {
    const values = {};
    for (const id of ids) {
        const el = document.getElementById(id);
        if (el) values[id] = el.value;
    }
    return values;
}

function store(key) {
    const entry = watched.get(key);
    if (!entry) return;
    try {
        localStorage.setItem(key, JSON.stringify({ at: Date.now(), base: entry.base, values: collect(entry.ids) }));
    } catch { /* storage full or disabled: the server autosave still runs */ }
}

export function watch(key, ids, base) {
    watched.set(key, { ids, base });
    for (const id of ids) {
        const el = document.getElementById(id);
        if (!el || el.dataset.draftKey === key) continue;
        el.dataset.draftKey = key;
        el.addEventListener("input", () => store(key));
    }
}

export function rebase(key, base) {
    const entry = watched.get(key);
    if (entry) entry.base = base;
}

/** The stored draft as JSON text ({ at, base, values }), or null. */
export function load(key) {
    return localStorage.getItem(key);
}

export function clear(key) {
    localStorage.removeItem(key);
}

export function forget(key) {
    watched.delete(key);
}

// After a reconnect, what was typed while offline never reached the server: send it again.
const modal = document.getElementById("components-reconnect-modal");
if (modal) {
    modal.addEventListener("components-reconnect-state-changed", event => {
        if (event.detail.state !== "hide") return;
        for (const { ids } of watched.values()) {
            for (const id of ids) {
                const el = document.getElementById(id);
                if (el) el.dispatchEvent(new Event("change", { bubbles: true }));
            }
        }
    });
}
