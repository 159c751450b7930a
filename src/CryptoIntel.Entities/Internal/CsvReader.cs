using System.Text;

namespace CryptoIntel.Entities.Internal;

/// <summary>A small RFC 4180 reader: quoted fields with doubled quotes and line breaks, LF or CRLF.</summary>
internal sealed class CsvReader(TextReader reader)
{
    private readonly StringBuilder _field = new();

    /// <summary>Gets the 1-based line number where the last record returned started.</summary>
    public int RecordLine { get; private set; }

    private int _line = 1;

    /// <summary>Reads the next record into <paramref name="fields"/>; returns false at the end of the input.</summary>
    /// <param name="fields">Receives the fields.</param>
    /// <param name="error">Set when the record is malformed (an unterminated quote); the fields are still returned.</param>
    public bool TryRead(List<string> fields, out string? error)
    {
        fields.Clear();
        _field.Clear();
        error = null;
        RecordLine = _line;
        var c = reader.Read();
        if (c < 0)
        {
            return false;
        }

        var inQuotes = false;
        var quotedField = false;
        while (true)
        {
            if (c < 0)
            {
                if (inQuotes)
                {
                    error = "unterminated quoted field";
                }

                fields.Add(_field.ToString());
                return true;
            }

            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        _field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        _line++;
                    }

                    _field.Append(ch);
                }
            }
            else if (ch == '"' && _field.Length == 0 && !quotedField)
            {
                inQuotes = true;
                quotedField = true;
            }
            else if (ch == ',')
            {
                fields.Add(_field.ToString());
                _field.Clear();
                quotedField = false;
            }
            else if (ch == '\n' || ch == '\r')
            {
                if (ch == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                _line++;
                fields.Add(_field.ToString());
                return true;
            }
            else
            {
                _field.Append(ch);
            }

            c = reader.Read();
        }
    }
}
