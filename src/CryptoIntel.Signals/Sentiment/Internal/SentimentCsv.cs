using System.Globalization;
using System.Text;

namespace CryptoIntel.Signals.Sentiment.Internal;

/// <summary>One labelled text.</summary>
/// <param name="Text">The text.</param>
/// <param name="Label">Its gold label.</param>
internal readonly record struct LabelledText(string Text, SentimentLabel Label);

/// <summary>Reads <c>text,label</c> CSV files (UTF-8, RFC 4180 quoting, header row, labels positive/negative/neutral).</summary>
internal static class SentimentCsv
{
    /// <summary>Reads a file; a bad row throws a <see cref="FormatException"/> naming the file and line.</summary>
    public static List<LabelledText> Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader, path);
    }

    /// <summary>Reads CSV text from a reader.</summary>
    public static List<LabelledText> Read(TextReader reader, string name)
    {
        var rows = new List<LabelledText>();
        var fields = new List<string>(2);
        var field = new StringBuilder();
        var line = 0;
        var header = true;
        while (ReadRecord(reader, fields, field, ref line))
        {
            if (header)
            {
                header = false;
                if (fields.Count < 2 || !fields[0].Equals("text", StringComparison.OrdinalIgnoreCase) || !fields[1].Equals("label", StringComparison.OrdinalIgnoreCase))
                {
                    throw new FormatException($"{name}: the header must be 'text,label'.");
                }

                continue;
            }

            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            if (fields.Count != 2)
            {
                throw new FormatException($"{name}:{line}: expected 2 fields (text,label), found {fields.Count}.");
            }

            rows.Add(new LabelledText(fields[0], ParseLabel(fields[1]) ?? throw new FormatException($"{name}:{line}: unknown label '{fields[1]}' (positive, negative or neutral).")));
        }

        return rows;
    }

    /// <summary>Parses a label: positive/negative/neutral (any case), or 1/-1/0.</summary>
    public static SentimentLabel? ParseLabel(string value) => value.Trim().ToLowerInvariant() switch
    {
        "positive" or "1" or "bullish" => SentimentLabel.Positive,
        "negative" or "-1" or "bearish" => SentimentLabel.Negative,
        "neutral" or "0" => SentimentLabel.Neutral,
        _ => null,
    };

    /// <summary>The label as written in the CSV files.</summary>
    public static string Format(SentimentLabel label) => label switch
    {
        SentimentLabel.Positive => "positive",
        SentimentLabel.Negative => "negative",
        _ => "neutral",
    };

    private static bool ReadRecord(TextReader reader, List<string> fields, StringBuilder field, ref int line)
    {
        fields.Clear();
        field.Clear();
        var c = reader.Read();
        if (c < 0)
        {
            return false;
        }

        line++;
        var quoted = false;
        var fieldStart = true;
        while (true)
        {
            if (c < 0)
            {
                fields.Add(field.ToString());
                return true;
            }

            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }
            }
            else if (ch == '"' && fieldStart)
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                fieldStart = true;
                c = reader.Read();
                continue;
            }
            else if (ch == '\n')
            {
                fields.Add(field.ToString());
                return true;
            }
            else if (ch != '\r')
            {
                field.Append(ch);
            }

            fieldStart = false;
            c = reader.Read();
        }
    }

    /// <summary>Formats a number for reports (invariant culture, 4 decimals).</summary>
    public static string F4(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
