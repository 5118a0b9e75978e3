/* lkj: the local page. Plain JavaScript, no library, nothing loaded from the internet.
   User text (file names, cell contents, messages) is always set with textContent. */
"use strict";

(function () {
  const HEADERS = { "X-Lkj": "1" };
  const body = document.body;
  const PRODUCTS = JSON.parse(body.dataset.products || "[]");
  const MAX_FILE_MB = Number(body.dataset.maxFileMb || 25);
  const MAX_FILES = Number(body.dataset.maxFiles || 500);
  const SEV_WORD = { error: "kesalahan", warning: "peringatan", info: "catatan" };

  // ---- small DOM helpers -------------------------------------------------------------
  function el(tag, attrs, ...kids) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const kid of kids.flat()) {
      if (kid === null || kid === undefined || kid === false) continue;
      node.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
    }
    return node;
  }
  function progressBar(indeterminate) {
    const bar = el("div", { class: "kemajuan" + (indeterminate ? " tak-tentu" : "") }, el("div"));
    bar.set = (fraction) => {
      bar.classList.remove("tak-tentu");
      bar.firstChild.style.width = Math.round(fraction * 100) + "%";
    };
    bar.spin = () => bar.classList.add("tak-tentu");
    return bar;
  }
  function mb(bytes) { return (bytes / 1048576).toLocaleString("id-ID", { maximumFractionDigits: 1 }); }

  // ---- talking to the local server ---------------------------------------------------
  const OFFLINE = "Tidak tersambung ke lkj. Mungkin lkj sudah ditutup: jalankan lagi lkj-buka " +
    "(atau perintah lkj buka), lalu muat ulang halaman ini.";

  function upload(url, form, onUpload) {
    // XMLHttpRequest rather than fetch: it reports upload progress.
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open("POST", url);
      for (const [k, v] of Object.entries(HEADERS)) xhr.setRequestHeader(k, v);
      xhr.responseType = "blob";
      if (onUpload) xhr.upload.onprogress = (e) => e.lengthComputable && onUpload(e.loaded / e.total);
      xhr.onload = () => resolve(xhr);
      xhr.onerror = () => reject(new Error(OFFLINE));
      xhr.send(form);
    });
  }
  async function jsonOf(xhr) {
    const text = await xhr.response.text();
    try { return JSON.parse(text); } catch (e) { return { pesan: "Jawaban lkj tidak terbaca." }; }
  }
  function fileNameOf(xhr, fallback) {
    const cd = xhr.getResponseHeader("Content-Disposition") || "";
    const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
    if (star) return decodeURIComponent(star[1]);
    const plain = /filename="?([^";]+)"?/i.exec(cd);
    return plain ? plain[1] : fallback;
  }
  function save(blob, name) {
    const url = URL.createObjectURL(blob);
    const a = el("a", { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }
  function tooBig(file) {
    return file.size > MAX_FILE_MB * 1048576
      ? `Berkas '${file.name}' terlalu besar (${mb(file.size)} MB); batasnya ${MAX_FILE_MB} MB per berkas.`
      : null;
  }

  // ---- 2. checking workbooks, one request per file so each shows its own progress ----
  const checkQueue = [];
  let checking = false;

  function addForCheck(files) {
    const out = document.getElementById("hasil-periksa");
    for (const file of files) {
      const status = el("span", { class: "status", text: "Menunggu giliran..." });
      const bar = progressBar(true);
      const card = el("article", { class: "berkas" },
        el("header", {}, el("h3", { text: file.name }), status),
        el("div", { class: "isi" }, bar));
      out.prepend(card);
      checkQueue.push({ file, card, status, bar });
    }
    if (!checking) runChecks();
  }

  async function runChecks() {
    checking = true;
    while (checkQueue.length) {
      const job = checkQueue.shift();
      job.status.textContent = "Memeriksa...";
      const big = tooBig(job.file);
      if (big) { showRefused(job, big); continue; }
      const form = new FormData();
      form.append("berkas", job.file, job.file.name);
      try {
        const xhr = await upload("/api/periksa", form, (f) => {
          if (f < 1) { job.bar.set(f); job.status.textContent = `Mengunggah ${Math.round(f * 100)}%...`; }
          else { job.bar.spin(); job.status.textContent = "Memeriksa..."; }
        });
        const data = await jsonOf(xhr);
        if (xhr.status !== 200) showRefused(job, data.pesan || "Berkas tidak dapat diperiksa.");
        else if (!data.dapat_dibaca) showRefused(job, data.pesan);
        else showResult(job, data);
      } catch (e) {
        showRefused(job, e.message);
      }
    }
    checking = false;
  }

  function showRefused(job, message) {
    job.status.replaceWith(el("span", { class: "lencana error", text: "Tidak dapat diperiksa" }));
    job.card.querySelector(".isi").replaceChildren(el("p", { class: "ditolak", role: "alert", text: message }));
  }

  function badges(counts) {
    const list = [];
    for (const sev of ["error", "warning", "info"]) {
      if (counts[sev]) list.push(el("span", { class: "lencana " + sev, text: `${counts[sev]} ${SEV_WORD[sev]}` }));
    }
    return list.length ? list : [el("span", { class: "lencana bersih", text: "Tidak ada temuan" })];
  }

  function showResult(job, data) {
    const r = data.ringkasan;
    const header = job.card.querySelector("header");
    job.status.replaceWith(el("span", { class: "deret" }, badges(data.jumlah)));
    const timeBadge = r.tepat_waktu === true ? el("span", { class: "lencana tepat", text: "Tepat waktu" })
      : r.tepat_waktu === false ? el("span", { class: "lencana terlambat", text: "Terlambat" }) : null;
    const summary = el("dl", { class: "ringkasan" },
      el("div", {}, el("dt", { text: "Unit" }), el("dd", {}, r.unit, el("small", { text: `${r.periode} - tingkat ${r.tingkat}` }))),
      el("div", {}, el("dt", { text: "Ketepatan waktu" }), el("dd", {}, timeBadge, el("small", { text: r.waktu }))),
      el("div", {}, el("dt", { text: "Rata-rata capaian" }), el("dd", {}, r.capaian, el("small", { text: `Predikat: ${r.predikat}` }))),
      el("div", {}, el("dt", { text: "Penyerapan anggaran" }), el("dd", {}, r.penyerapan, el("small", { text: r.anggaran }))));
    const downloads = el("div", { class: "unduhan" },
      PRODUCTS.map((p) => productButton(p, job.file)));
    const parts = [];
    if (data.sebagian_tak_terbaca) {
      parts.push(el("p", { class: "peringatan-atas", text: "Sebagian isian tidak dapat dibaca (misalnya teks di sel angka, atau tanggal yang tidak ada): lihat temuan di bawah. Ringkasan memakai isian yang terbaca; perbaiki sel itu agar semuanya dapat diperiksa." }));
    }
    parts.push(summary, downloads);
    if (r.indikator && r.indikator.length) parts.push(indicatorTable(r.indikator));
    if (!data.sheets.length) parts.push(el("p", { class: "status", text: "Semua hitungan cocok. Tidak ada temuan." }));
    for (const group of data.sheets) parts.push(sheetGroup(group));
    job.card.querySelector(".isi").replaceChildren(...parts);
    header.dataset.selesai = "1";
  }

  function indicatorTable(rows) {
    return el("details", { class: "indikator" },
      el("summary", { text: `Capaian per indikator (${rows.length})` }),
      el("div", { class: "tabel-gulir" }, el("table", {},
        el("thead", {}, el("tr", {}, ["Indikator", "Target", "Realisasi", "Capaian", "Predikat"].map((h) => el("th", { text: h })))),
        el("tbody", {}, rows.map((i) => el("tr", {},
          el("td", { text: i.indikator }), el("td", { class: "nilai", text: i.target }),
          el("td", { class: "nilai", text: i.realisasi }), el("td", { class: "nilai", text: i.capaian }),
          el("td", { text: i.predikat })))))));
  }

  function findingRow(f, sheet, consequence) {
    // A consequence in another sheet names that sheet; values are struck through and
    // corrected only for errors (a warning's "seharusnya" is often a description).
    const where = consequence && f.sheet !== sheet ? f.lokasi : (f.sel || "-");
    const err = f.tingkat === "error";
    return el("tr", { class: f.tingkat + (consequence ? " akibat" : ""), "data-kode": f.kode, "data-lokasi": f.lokasi },
      el("td", { class: "sel" }, ...cellParts(where)),
      el("td", {}, el("span", { class: "lencana " + f.tingkat, text: f.label }), el("div", { class: "kode", text: f.kode })),
      el("td", { class: "nilai tertulis" + (err ? " salah" : ""), text: f.tertulis === "" ? "(kosong)" : f.tertulis }),
      el("td", { class: "nilai seharusnya" + (err ? " benar" : ""), text: f.seharusnya }),
      el("td", { class: "pesan", text: f.pesan }));
  }

  // "Perbandingan!D7" may wrap after the "!", never inside the sheet name or the cell.
  function cellParts(where) {
    const i = where.indexOf("!");
    return i < 0 ? [where] : [where.slice(0, i + 1), el("wbr", {}), where.slice(i + 1)];
  }

  function sheetGroup(group) {
    const rows = [];
    for (const f of group.temuan) {
      rows.push(findingRow(f, group.sheet, false));
      if (f.akibat.length) {
        rows.push(el("tr", { class: "akibat-judul" }, el("td", { colspan: 5,
          text: `Akibat dari ${f.lokasi} (ikut benar bila sel ini diperbaiki):` })));
        for (const c of f.akibat) rows.push(findingRow(c, group.sheet, true));
      }
    }
    const open = group.jumlah.error > 0;
    return el("details", { class: "sheet", open: open, "data-sheet": group.sheet },
      el("summary", {}, `Sheet ${group.sheet}`, badges(group.jumlah)),
      el("div", { class: "tabel-gulir" }, el("table", { class: "temuan" },
        el("colgroup", {}, el("col", { class: "c-sel" }), el("col", { class: "c-tingkat" }),
          el("col", { class: "c-nilai" }), el("col", { class: "c-nilai" }), el("col")),
        el("thead", {}, el("tr", {}, ["Sel", "Tingkat", "Tertulis", "Seharusnya", "Penjelasan"].map((h) => el("th", { text: h })))),
        el("tbody", {}, rows))));
  }

  function productButton(p, file) {
    const note = el("span", { class: "status" });
    const button = el("button", { type: "button", class: "tombol", "data-produk": p.key, text: p.label });
    button.addEventListener("click", async () => {
      button.disabled = true;
      note.className = "status";
      note.replaceChildren(el("span", { class: "putar", "aria-hidden": "true" }), " Menyiapkan... (beberapa detik)");
      const form = new FormData();
      form.append("berkas", file, file.name);
      try {
        const xhr = await upload(`/api/unduh/${p.key}`, form);
        if (xhr.status === 200) {
          const name = fileNameOf(xhr, file.name);
          save(xhr.response, name);
          note.textContent = `Tersimpan sebagai ${name} di folder Unduhan.`;
        } else {
          note.className = "galat";
          note.textContent = (await jsonOf(xhr)).pesan;
        }
      } catch (e) {
        note.className = "galat";
        note.textContent = e.message;
      }
      button.disabled = false;
    });
    return el("span", { class: "deret" }, button, note);
  }

  // ---- 3. rekap: upload everything, then follow the server's progress ---------------
  async function startRekap(files) {
    const out = document.getElementById("hasil-rekap");
    const status = el("p", { class: "status", text: `Mengunggah ${files.length} berkas...` });
    const bar = progressBar(false);
    const box = el("div", { class: "berkas rekap-hasil" },
      el("header", {}, el("h3", { text: `Rekap ${files.length} berkas` })), el("div", { class: "isi" }, bar, status));
    out.replaceChildren(box);
    const isi = box.querySelector(".isi");
    const fail = (msg) => isi.replaceChildren(el("p", { class: "ditolak", role: "alert", text: msg }));
    if (files.length > MAX_FILES) return fail(`Paling banyak ${MAX_FILES} berkas sekaligus; pilih lebih sedikit.`);
    const big = files.map(tooBig).filter(Boolean);
    if (big.length) return fail(big.join(" "));
    const form = new FormData();
    for (const f of files) form.append("berkas", f, f.name);
    let job;
    try {
      const xhr = await upload("/api/rekap", form, (f) => { bar.set(f); status.textContent = `Mengunggah ${Math.round(f * 100)}%...`; });
      job = await jsonOf(xhr);
      if (xhr.status !== 202) return fail(job.pesan || "Rekap tidak dapat dimulai.");
    } catch (e) { return fail(e.message); }
    bar.set(0);
    for (;;) {
      if (job.status === "gagal") return fail(job.pesan);
      if (job.status === "selesai") break;
      status.textContent = `Merekap: ${job.selesai} dari ${job.jumlah} berkas sudah dibaca...`;
      bar.set(job.jumlah ? job.selesai / job.jumlah : 0);
      await new Promise((r) => setTimeout(r, 400));
      try {
        const resp = await fetch(`/api/rekap/${job.tugas}`, { headers: HEADERS });
        job = await resp.json();
        if (!resp.ok) return fail(job.pesan);
      } catch (e) { return fail(OFFLINE); }
    }
    bar.set(1);
    status.textContent = "Menyimpan rekap...";
    let blob, name;
    try {
      const resp = await fetch(`/api/rekap/${job.tugas}/hasil`, { headers: HEADERS });
      if (!resp.ok) return fail((await resp.json()).pesan);
      blob = await resp.blob();
      name = "rekap_lkj.xlsx";
    } catch (e) { return fail(OFFLINE); }
    save(blob, name);
    const h = job.hasil;
    const again = el("button", { type: "button", class: "tombol", id: "unduh-rekap", text: "Unduh rekap lagi", onclick: () => save(blob, name) });
    const parts = [
      el("p", { class: "status", text: `Rekap tersimpan sebagai ${name} di folder Unduhan.` }),
      el("p", {}, el("b", { text: `${h.masuk} berkas masuk: ${h.direkap} direkap, ${h.bermasalah} bermasalah` +
        (h.ganda ? `, ${h.ganda} laporan ganda ditandai` : "") + "." })),
      el("div", { class: "unduhan" }, again)];
    if (h.berkas_bermasalah.length) {
      parts.push(el("p", { class: "galat", text: "Berkas yang tidak dapat direkap (tercatat juga di sheet Berkas Bermasalah):" }),
        el("ul", {}, h.berkas_bermasalah.map((b) => el("li", {}, el("b", { text: b.berkas }), `: ${b.alasan}`))));
    }
    if (h.dilewati.length) {
      parts.push(el("p", { class: "status", text: `Dilewati karena merupakan hasil rekap sebelumnya: ${h.dilewati.join(", ")}.` }));
    }
    isi.replaceChildren(...parts);
  }

  // ---- choosing and dragging files -----------------------------------------------------
  function wireZone(zone, handler) {
    const input = zone.querySelector("input[type=file]");
    input.addEventListener("change", () => {
      const files = Array.from(input.files);
      input.value = "";
      if (files.length) handler(files);
    });
    zone.addEventListener("dragover", (e) => { e.preventDefault(); zone.classList.add("seret"); });
    zone.addEventListener("dragleave", () => zone.classList.remove("seret"));
    zone.addEventListener("drop", (e) => {
      e.preventDefault();
      zone.classList.remove("seret");
      const files = Array.from(e.dataTransfer.files || []);
      if (files.length) handler(files);
    });
  }
  // A file dropped beside a zone must not make the browser navigate away from the page.
  window.addEventListener("dragover", (e) => e.preventDefault());
  window.addEventListener("drop", (e) => e.preventDefault());
  wireZone(document.querySelector("[data-zona=periksa]"), addForCheck);
  wireZone(document.querySelector("[data-zona=rekap]"), startRekap);

  // ---- the server's life: it stops by itself once no page has been open for a while --
  // Each tab names itself, so that the server knows when the last one has closed.
  const TAB = (window.crypto && crypto.randomUUID) ? crypto.randomUUID()
    : String(Math.random()).slice(2) + String(Date.now());
  let offlineBanner = null;
  async function heartbeat() {
    try {
      await fetch(`/api/denyut?tab=${TAB}`, { method: "POST", headers: HEADERS });
      if (offlineBanner) { offlineBanner.remove(); offlineBanner = null; }
    } catch (e) {
      if (!offlineBanner && document.getElementById("berhenti").hidden) {
        offlineBanner = el("div", { class: "putus", role: "alert", text: OFFLINE });
        document.body.prepend(offlineBanner);
      }
    }
  }
  heartbeat();
  setInterval(heartbeat, 20000);
  window.addEventListener("pagehide", () => navigator.sendBeacon(`/api/halaman-ditutup?tab=${TAB}`));
  // back/forward cache: a page shown again is a tab open again
  window.addEventListener("pageshow", (e) => { if (e.persisted) heartbeat(); });
  document.getElementById("tutup").addEventListener("click", async () => {
    try { await fetch("/api/berhenti", { method: "POST", headers: HEADERS }); } catch (e) { /* already gone */ }
    document.getElementById("berhenti").hidden = false;
  });
})();
