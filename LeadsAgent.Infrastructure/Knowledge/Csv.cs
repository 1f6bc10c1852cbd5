using System.Text;

namespace LeadsAgent.Infrastructure.Knowledge;

/// <summary>
/// RFC 4180 CSV: comma-separated, fields in double quotes may hold commas, newlines and doubled quotes.
/// (CsvHelper 34, the version served here, has a different API from the documented one; this is all we need.)
/// </summary>
public static class Csv
{
    public static IEnumerable<IReadOnlyList<string>> Read(string text)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    row.Add(field.ToString().Trim());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(field.ToString().Trim());
                    field.Clear();
                    yield return row;
                    row = [];
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (quoted)
        {
            throw new FormatException("a quoted field is not closed");
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString().Trim());
            yield return row;
        }
    }
}
