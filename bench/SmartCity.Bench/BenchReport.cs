using System.Globalization;
using System.Text;

namespace SmartCity.Bench;

/// <summary>The figures of one run, printed as a Markdown table and written to a file.</summary>
internal sealed class BenchReport
{
    private readonly List<(string What, string Measured, string Budget, string Verdict)> _rows = [];
    private readonly List<string> _notes = [];

    public void Add(string what, string measured, string budget, bool? met) =>
        _rows.Add((what, measured, budget, met switch { true => "met", false => "NOT met", null => "—" }));

    public void Note(string note) => _notes.Add(note);

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# SmartCity benchmark, {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores");
        text.AppendLine();
        text.AppendLine("| what | measured | budget | verdict |");
        text.AppendLine("|---|---|---|---|");
        foreach (var row in _rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.What} | {row.Measured} | {row.Budget} | {row.Verdict} |");
        }

        if (_notes.Count > 0)
        {
            text.AppendLine();
            foreach (var note in _notes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
            }
        }

        return text.ToString();
    }
}
