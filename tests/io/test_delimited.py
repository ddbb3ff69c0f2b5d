"""Data files as spreadsheets write them: quoted cells, semicolons, decimal commas, tabs,
a byte-order mark, header names in any script; line numbers as an editor counts them."""

from __future__ import annotations

import numpy as np
import pytest

from nnviz.io import delimited
from nnviz.io.tables import DataError, parse_table, read, read_table


def write(tmp_path, text: str, name: str = "data.csv", encoding: str = "utf-8"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


# Excel, German locale, "CSV UTF-8 (durch Trennzeichen getrennt)": BOM, semicolons, decimal
# commas, CRLF; a text cell that holds the delimiter is quoted, quotes inside doubled.
EXCEL_DE = ("\ufeffTemperatur (°C);Länge;\"Größe; gemessen\";Ergebnis\r\n"
            "21,5;-0,75;1,00E-03;1\r\n"
            "-3;12,25;0,5;0\r\n"
            "0,125;7;\"2,5\";1\r\n")
# LibreOffice Calc, French locale, its default CSV filter for fr_FR: semicolons, decimal
# commas, every text cell quoted, LF line ends, no BOM.
CALC_FR = ("\"Température\";\"Durée (s)\";\"Réussite\"\n"
           "18,5;3600;1\n"
           "-2,25;45,5;0\n"
           "0;0,001;1\n")
# Tab-separated with Chinese column names (a spreadsheet's "Unicode text" export).
ZH_TABS = "\ufeff身高\t体重\t是否通过\r\n1.72\t65.5\t1\r\n1,60\t50\t0\r\n"


def test_excel_german_locale(tmp_path):
    table = read(write(tmp_path, EXCEL_DE), targets=1)
    d = table.dataset
    assert d.input_names == ("Temperatur (°C)", "Länge", "Größe; gemessen") and d.target_names == ("Ergebnis",)
    np.testing.assert_array_equal(d.inputs, [[21.5, -0.75, 0.001], [-3.0, 12.25, 0.5], [0.125, 7.0, 2.5]])
    assert d.targets[:, 0].tolist() == [1.0, 0.0, 1.0]
    assert table.layout.words() == "semicolon-separated, decimal point or comma"
    assert table.lines.tolist() == [2, 3, 4] and table.notes == ()


def test_libreoffice_french_locale(tmp_path):
    d = read_table(write(tmp_path, CALC_FR))
    assert d.input_names == ("Température", "Durée (s)") and d.target_names == ("Réussite",)
    np.testing.assert_array_equal(d.inputs, [[18.5, 3600.0], [-2.25, 45.5], [0.0, 0.001]])


def test_chinese_column_names_and_tabs(tmp_path):
    d = read_table(write(tmp_path, ZH_TABS, "数据.txt"))
    assert d.input_names == ("身高", "体重") and d.target_names == ("是否通过",)
    assert d.name == "数据"
    np.testing.assert_array_equal(d.inputs, [[1.72, 65.5], [1.6, 50.0]])


def test_quoted_cells_with_commas_quotes_and_line_breaks():
    text = ('"width, cm","height\r\n(cm)","say ""yes"""\n'
            '1,2,1\n'
            '"3.5","4",0\n')
    d = parse_table(text)
    assert d.input_names == ("width, cm", "height (cm)") and d.target_names == ('say "yes"',)
    np.testing.assert_array_equal(d.inputs, [[1.0, 2.0], [3.5, 4.0]])


def test_line_numbers_count_the_lines_inside_quoted_cells():
    text = 'a,"b\nstill b\nand b",c\n1,2,3\n4,x,6\n'
    with pytest.raises(DataError, match=r"^d.csv: line 5, column 2: 'x' is not a number$"):
        parse_table(text, source="d.csv")
    # a bad cell after a cell that spans lines: the line it starts on
    with pytest.raises(DataError, match=r"^d.csv: line 3, column 3: 'z' is not a number$"):
        parse_table('x,y,t\n1,"2\n",z\n', source="d.csv")
    with pytest.raises(DataError, match=r"^d.csv: line 2: a quoted cell is not closed"):
        parse_table('x,y\n"1,2\n3,4\n', source="d.csv")


def test_a_hash_inside_quotes_is_no_comment():
    d = parse_table('"x #1","y # 2",t  # the header\n1,2,3 # a row\n')
    assert d.input_names == ("x #1", "y # 2") and d.targets.tolist() == [[3.0]]


def test_a_trailing_delimiter_on_every_line_and_empty_rows_are_dropped():
    d = parse_table("x;y;t;\n1;2;3;\n;;;\n4;5;6;\n;;;\n")
    assert d.n_inputs == 2 and d.targets[:, 0].tolist() == [3.0, 6.0]
    with pytest.raises(DataError, match="line 3, column 3: one cell too many"):  # only one row has it
        parse_table("1,2\n3,4\n5,,\n")


@pytest.mark.parametrize("text, delimiter, decimal, inputs", [
    ("1,5;2,5\n3,5;4,5\n", "auto", "auto", [[1.5], [3.5]]),  # only semicolons give numbers
    ("1,5,2,5\n3,5,4,5\n", "auto", "auto", [[1, 5, 2], [3, 5, 4]]),
    ("1,5\n2,5\n", "auto", "auto", [[1.0], [2.0]]),  # two columns, as guessed ...
    ("1,5 7\n2,5 8\n", "auto", ",", [[1.5], [2.5]]),  # ... --decimal , excludes the comma
    ("1.5 2\n3 4\n", " ", ".", [[1.5], [3.0]]),
    ("1.5\t2\t3\n4\t5\t6\n", "\t", "auto", [[1.5, 2.0], [4.0, 5.0]]),
    ("1;2;3\n4;5;6\n", ";", ".", [[1, 2], [4, 5]]),
])
def test_delimiter_and_decimal(text, delimiter, decimal, inputs):
    d = parse_table(text, delimiter=delimiter, decimal=decimal)
    np.testing.assert_array_equal(d.inputs, inputs)


@pytest.mark.parametrize("text, decimal, message", [
    ("x;y\n1,5;2\n", ".", "line 2, column 1: '1,5' is not a number with the decimal mark '.'"),
    ("x;y\n1.5;2\n", ",", "line 2, column 1: '1.5' is not a number with the decimal mark ','"),
    ("x;y\n1.234,5;2\n", "auto", "line 2, column 1: '1.234,5' is not a number"),  # no thousands separators
    ('x,y\n"1,5",2\n', "auto", "line 2, column 1: '1,5' is not a number with the decimal mark '.'"),
])
def test_the_wrong_decimal_mark_is_named(text, decimal, message):
    with pytest.raises(DataError) as info:
        parse_table(text, decimal=decimal, source="d")
    assert str(info.value) == f"d: {message}"


def test_bad_options():
    with pytest.raises(ValueError, match="a comma cannot be both"):
        delimited.check_options(",", ",")
    with pytest.raises(ValueError, match="unknown delimiter '|'"):
        parse_table("1|2\n", delimiter="|")
    with pytest.raises(ValueError, match="unknown decimal mark"):
        parse_table("1,2\n", decimal=";")


def test_not_utf8_says_which_encoding_to_give(tmp_path):
    path = write(tmp_path, "x;t\r\n1;0\r\nGröße;1\r\n", encoding="cp1252")
    with pytest.raises(DataError) as info:
        read_table(path)
    assert str(info.value) == (f"{path}: line 3: not UTF-8 text (byte 0xf6); give the file's encoding "
                               "(--encoding cp1252 for a Western European spreadsheet's CSV, gb18030 for a "
                               'Chinese one; the Data dialog\'s Encoding) or save it as "CSV UTF-8"')


@pytest.mark.parametrize("encoding, given", [
    ("cp1252", "cp1252"),  # Excel's "CSV (semicolon-separated)" in a German locale
    ("gb18030", "gb18030"),  # Excel's CSV on a Chinese Windows (GBK)
    ("utf-16", "auto"),  # Excel's "Unicode text": its byte-order mark says so
    ("utf-8-sig", "auto"), ("utf-8", "utf-8"),
])
def test_spreadsheet_encodings_keep_the_names(tmp_path, encoding, given):
    text = "Größe;宽度;类别\r\n1,5;2;0\r\n2,5;1;1\r\n"
    if encoding == "cp1252":
        text = text.replace("宽度", "Gewicht").replace("类别", "Klasse")
    path = write(tmp_path, text, encoding=encoding)
    table = read(path, encoding=given)
    assert table.dataset.input_names == tuple(text.split("\r\n")[0].split(";")[:2])
    assert table.dataset.inputs[:, 0].tolist() == [1.5, 2.5]


def test_a_wrong_or_unknown_encoding_is_one_line(tmp_path):
    path = write(tmp_path, "宽度,t\n1,0\n", encoding="gb18030")
    with pytest.raises(DataError, match=r"line 1: not ascii text \(byte 0xbf\); is the encoding right\?$"):
        read(path, encoding="ascii")
    for bad, words in (("nope", "unknown encoding 'nope'"), ("rot13", "'rot13' is not a text encoding")):
        with pytest.raises(ValueError, match=words):
            read(path, encoding=bad)


def test_header_names_are_cleaned_to_the_rule_for_names(tmp_path):
    long = "a" * 150
    table = read(write(tmp_path, f'"one\ttab\x07",{long},,t\n1,2,3,4\n'))
    assert table.dataset.input_names == ("one tab", "a" * 99 + "…", "column 3")
    assert len(table.notes) == 2
    assert table.notes[0] == ("line 1, column 1: the name 'one\\ttab\\x07' is kept as 'one tab' "
                              "(a name is one line of at most 100 characters)")

