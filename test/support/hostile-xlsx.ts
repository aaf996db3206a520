/**
 * Hostile .xlsx files, made in the test rather than kept in the repository: zip bombs of
 * shared strings, sheets that inflate to gigabytes, parts that inflate to more than they
 * declare. A part is a list of pieces, each repeated: a piece is deflated once (flushed,
 * so it refers to nothing before it) and its bytes repeated, so a gigabyte of XML costs
 * a few kilobytes and a checksum to make.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { constants, crc32, deflateRawSync } from "node:zlib";

export interface Piece {
  text: string;
  repeat?: number;
}

export interface Part {
  name: string;
  pieces: Piece[];
  /** Declare another inflated size than the real one (a lying zip). */
  declaredSize?: number;
}

/** An empty final deflate block: ends a stream of flushed blocks. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

export function writeZip(file: string, parts: Part[]): void {
  const fd = openSync(file, "w");
  let offset = 0;
  const write = (buffer: Buffer) => {
    writeSync(fd, buffer);
    offset += buffer.length;
  };
  const central: Buffer[] = [];
  try {
    for (const part of parts) {
      const name = Buffer.from(part.name, "utf8");
      let crc = 0;
      let size = 0;
      const blocks: { bytes: Buffer; repeat: number }[] = [];
      for (const piece of part.pieces) {
        const raw = Buffer.from(piece.text, "utf8");
        const repeat = piece.repeat ?? 1;
        for (let i = 0; i < repeat; i++) crc = crc32(raw, crc);
        size += raw.length * repeat;
        blocks.push({ bytes: deflateRawSync(raw, { finishFlush: constants.Z_FULL_FLUSH }), repeat });
      }
      const compressed = blocks.reduce((n, b) => n + b.bytes.length * b.repeat, 0) + FINAL_BLOCK.length;
      const declared = part.declaredSize ?? size;
      const start = offset;
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(0x0800, 6); // UTF-8 names
      local.writeUInt16LE(8, 8); // deflate
      local.writeUInt32LE(crc >>> 0, 14);
      local.writeUInt32LE(compressed, 18);
      local.writeUInt32LE(declared, 22);
      local.writeUInt16LE(name.length, 26);
      write(local);
      write(name);
      for (const block of blocks) for (let i = 0; i < block.repeat; i++) write(block.bytes);
      write(FINAL_BLOCK);
      const entry = Buffer.alloc(46);
      entry.writeUInt32LE(0x02014b50, 0);
      entry.writeUInt16LE(20, 4);
      entry.writeUInt16LE(20, 6);
      entry.writeUInt16LE(0x0800, 8);
      entry.writeUInt16LE(8, 10);
      entry.writeUInt32LE(crc >>> 0, 16);
      entry.writeUInt32LE(compressed, 20);
      entry.writeUInt32LE(declared, 24);
      entry.writeUInt16LE(name.length, 28);
      entry.writeUInt32LE(start, 42);
      central.push(entry, name);
    }
    const directoryStart = offset;
    for (const buffer of central) write(buffer);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(parts.length, 8);
    end.writeUInt16LE(parts.length, 10);
    end.writeUInt32LE(offset - directoryStart, 12);
    end.writeUInt32LE(directoryStart, 16);
    write(end);
  } finally {
    closeSync(fd);
  }
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A workbook of one sheet whose sheet data and shared strings are the given pieces. */
export function workbook(sheetData: Piece[], sharedStrings: Piece[] | null = null, options: { sheetDeclaredSize?: number } = {}): Part[] {
  return [
    {
      name: "[Content_Types].xml",
      pieces: [
        {
          text: `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ""}</Types>`,
        },
      ],
    },
    { name: "_rels/.rels", pieces: [{ text: `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` }] },
    { name: "xl/workbook.xml", pieces: [{ text: `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="企业" sheetId="1" r:id="rId1"/></sheets></workbook>` }] },
    {
      name: "xl/_rels/workbook.xml.rels",
      pieces: [
        {
          text: `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${sharedStrings ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ""}</Relationships>`,
        },
      ],
    },
    {
      name: "xl/worksheets/sheet1.xml",
      pieces: [{ text: `${XML}<worksheet xmlns="${MAIN}"><sheetData>` }, ...sheetData, { text: "</sheetData></worksheet>" }],
      declaredSize: options.sheetDeclaredSize,
    },
    ...(sharedStrings ? [{ name: "xl/sharedStrings.xml", pieces: [{ text: `${XML}<sst xmlns="${MAIN}">` }, ...sharedStrings, { text: "</sst>" }] }] : []),
  ];
}

/** A header row and one firm, as inline strings: a workbook that imports. */
export const FIRM_ROWS: Piece[] = [
  { text: '<row r="1"><c r="A1" t="inlineStr"><is><t>企业名称</t></is></c><c r="B1" t="inlineStr"><is><t>注册地址</t></is></c></row>' },
  { text: '<row r="2"><c r="A2" t="inlineStr"><is><t>凌源测试钢铁有限公司</t></is></c><c r="B2" t="inlineStr"><is><t>辽宁省朝阳市凌源市</t></is></c></row>' },
];
