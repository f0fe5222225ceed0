/**
 * The exported NumPy file's CSV reading and writing, in Python: a line-for-line port of the
 * engine's rules, so the script reads the model's own training CSV exactly as training did
 * and writes the predictions file as `shallow-net predict` does.
 *
 *  - read_csv: csv.ts's parser (BOM, the delimiter detected from the header, RFC 4180
 *    quotes with spaces before them tolerated, LF/CRLF/lone CR, blank lines skipped, line
 *    breaks in quotes read as "\n", header names trimmed), not Python's csv module.
 *  - _trim: JavaScript's trim(), which names and categories go through (values.ts'
 *    categoryOf). Python's strip() differs: it also removes \x1c-\x1f and \x85, and keeps
 *    \ufeff, so "red\x1f" would be a category the model never saw.
 *  - _parse_number: values.ts' parseNumber (JavaScript's number grammar, finite, no 0x/0b/0o,
 *    a decimal comma in ;- and tab-delimited files); Python's float() would also take
 *    "1_000", "inf", "١٢" and "1\x1f".
 *  - _csv_field: csv.ts' formatCsvField, after csvCell.ts' spreadsheetSafe.
 */
import { FORMULA_START } from './csvCell';
import { pyString } from './pythonLiteral';

/**
 * Every character JavaScript's String.prototype.trim removes (WhiteSpace and
 * LineTerminator: tab, VT, FF, space, NBSP, the BOM, the other Zs spaces, LF, CR, LS, PS).
 */
export const JS_TRIMMED = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

/** The module-level Python: constants and functions used by encode and _main. */
export const PYTHON_CSV = `
# What JavaScript's trim() removes: the extension trims names and categories with it.
_JS_SPACE = ${pyString(JS_TRIMMED)}
# A written cell starting with one of these that is not a number gets a leading ' (a spreadsheet would run it as a formula).
_FORMULA_START = ${pyString(FORMULA_START)}
${String.raw`_NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\Z")
_DELIMITERS = (",", ";", "\t")


def _trim(text):
    """text without the white space at its ends, as JavaScript's trim() (not str.strip())."""
    return text.strip(_JS_SPACE)


def _parse_number(cell, decimal_comma):
    """The finite number a CSV cell holds, or None, as the extension reads it: " 2.5 ", "-0",
    "1e-3", "+7", ".5" are numbers; "0x1F", "inf", "1_000" are not. With decimal_comma (files
    delimited by ";" or tab), a single comma and no point is the decimal mark: "1,5" is 1.5."""
    if decimal_comma and cell.count(",") == 1 and "." not in cell:
        cell = cell.replace(",", ".")
    text = _trim(cell)
    if _NUMBER.match(text) is None:
        return None
    x = float(text)
    return x if math.isfinite(x) else None


def _field_end(text, pos, stops):
    found = stops.search(text, pos)
    return len(text) if found is None else found.start()


def _read_quoted(text, p, stops, row):
    """A quoted field whose content starts at p: (value, the position after it)."""
    parts = []
    segment = p
    while True:
        close = text.find('"', p)
        if close < 0:
            raise ValueError(f"record {row}: a quoted field starts here but its closing double quote is missing")
        if text.startswith('"', close + 1):
            parts.append(text[segment:close + 1])
            p = close + 2
            segment = p
            continue
        parts.append(text[segment:close])
        p = close + 1
        break
    end = _field_end(text, p, stops)
    if end > p and _trim(text[p:end]) != "":
        parts.append(text[p:end])
    value = "".join(parts)
    return (re.sub("\r\n?", "\n", value) if "\r" in value else value), end


def _read_record(text, pos, delimiter, stops, row):
    """The fields of the record at pos, and the position of the next one."""
    n = len(text)
    fields = []
    while True:
        q = pos
        while q < n and (text[q] == " " or (text[q] == "\t" and delimiter != "\t")):
            q += 1
        if q < n and text[q] == '"':
            value, pos = _read_quoted(text, q + 1, stops, row)
            fields.append(value)
        else:
            end = _field_end(text, pos, stops)
            fields.append(text[pos:end])
            pos = end
        if pos >= n:
            return fields, pos
        if text[pos] == delimiter:
            pos += 1
            continue
        return fields, pos + (2 if text.startswith("\r\n", pos) else 1)


def _count_delimiters(text, i):
    """Counts of , ; tab outside quotes in the record at i, the next record's start, and whether it is blank."""
    counts = [0, 0, 0]
    n = len(text)
    in_quotes = False
    blank = True
    while i < n:
        c = text[i]
        if c == '"':
            in_quotes = not in_quotes
            blank = False
        elif in_quotes:
            pass
        elif c == "\n" or c == "\r":
            return counts, i + (2 if text.startswith("\r\n", i) else 1), blank
        else:
            if c in _DELIMITERS:
                counts[_DELIMITERS.index(c)] += 1
            if c != " " and c != "\t":
                blank = False
        i += 1
    return counts, i, blank


def _detect_delimiter(text, pos):
    """The one of , ; tab in the header line; when several, the one that splits the next
    lines as the header, then the most frequent, then , before ; before tab."""
    header = None
    samples = []
    while pos < len(text) and len(samples) < 10:
        counts, pos, blank = _count_delimiters(text, pos)
        if blank:
            continue
        if header is None:
            header = counts
        else:
            samples.append(counts)
    present = [k for k in range(3) if header is not None and header[k] > 0]
    if not present:
        return ","
    pool = [k for k in present if all(s[k] == header[k] for s in samples)] or present
    best = pool[0]
    for k in pool:
        if header[k] > header[best]:
            best = k
    return _DELIMITERS[best]


def read_csv(path):
    """(header, rows, delimiter): a CSV file read as the extension reads it. UTF-8 (or UTF-16
    with its byte-order mark); header names trimmed; rows are lists of the cells as written,
    one per non-blank record."""
    with open(path, "rb") as f:
        data = f.read()
    try:
        text = data.decode("utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ValueError(f"{path}: byte {e.start} is not {e.encoding} text") from None
    start = 1 if text.startswith("\ufeff") else 0
    if _trim(text[start:]) == "":
        raise ValueError(f"{path}: the file is empty")
    delimiter = _detect_delimiter(text, start)
    stops = re.compile("[" + re.escape(delimiter) + "\r\n]")
    records = []
    pos = start
    while pos < len(text):
        fields, pos = _read_record(text, pos, delimiter, stops, len(records) + 1)
        if len(fields) != 1 or _trim(fields[0]) != "":
            records.append(fields)
    if len(records) < 2:
        raise ValueError(f"{path}: the file has a header but no data rows")
    header = [_trim(name) for name in records[0]]
    if "" in header or len(set(header)) != len(header):
        raise ValueError(f"{path}: every column needs a name of its own in the header line")
    for j, fields in enumerate(records[1:], start=1):
        if len(fields) != len(header):
            raise ValueError(f"{path}: row {j} has {len(fields)} fields, but the header has {len(header)}")
    return header, records[1:], delimiter


def _csv_field(value, delimiter):
    """One field of the predictions file: with a leading ' when a spreadsheet would read it as a
    formula (it starts with = + - @, tab or CR and is not a number); quoted when it holds the
    delimiter, a quote or a line break, or starts or ends with a space."""
    if value and value[0] in _FORMULA_START and _parse_number(value, True) is None:
        value = "'" + value
    if any(c in value for c in ('"', "\n", "\r", delimiter)) or value.startswith(" ") or value.endswith(" "):
        return '"' + value.replace('"', '""') + '"'
    return value
`}`;
