/** The report's only stylesheet, inline: system fonts, no external resources. */
export const REPORT_CSS = `
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1d1d1f; max-width: 980px; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8rem; } h4 { margin: .8rem 0 .3rem; } h5 { margin: .6rem 0 .2rem; }
section.cell { margin: 1rem 0; }
section.cell.code { border-left: 3px solid #d0d7de; padding-left: .8rem; }
pre.source { background: #f6f8fa; padding: .5rem .7rem; overflow-x: auto; font-size: 12.5px; }
table { border-collapse: collapse; font-size: 13px; margin: .3rem 0; }
th, td { border-bottom: 1px solid #e5e7eb; padding: .2rem .5rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; } .num { text-align: right; font-variant-numeric: tabular-nums; }
.note { color: #57606a; font-size: 13px; } .hint { color: #57606a; }
.error { border: 1px solid #cf222e; background: #fff5f5; padding: .5rem .8rem; color: #82071e; }
.warnings { background: #fff8c5; padding: .3rem .8rem; font-size: 13px; }
figure { margin: .5rem 0; } svg { max-width: 100%; height: auto; }
footer.provenance { margin-top: 3rem; border-top: 1px solid #d0d7de; font-size: 13px; }
footer dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; } footer dd { margin: 0; }
td.sha256 code { font-size: 11px; word-break: break-all; }
`;
