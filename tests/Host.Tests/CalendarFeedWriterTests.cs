using System.Text;
using MonBureau.Host.Agenda;

namespace MonBureau.Host.Tests;

public class CalendarFeedWriterTests
{
    [Fact]
    public void Text_escapes_backslashes_semicolons_commas_and_line_breaks() =>
        Assert.Equal("a\\\\b\\; c\\, d\\ne\\nf", CalendarFeedWriter.Text("a\\b; c, d\r\ne\nf"));

    [Fact]
    public void Long_lines_fold_at_75_octets_without_splitting_an_accented_character()
    {
        var line = "DESCRIPTION:" + string.Concat(Enumerable.Repeat("Révisez les équations du second degré ; ", 8));

        var physical = CalendarFeedWriter.Fold(line).Split("\r\n");

        Assert.True(physical.Length > 1);
        Assert.All(physical, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= 75, p));
        Assert.All(physical.Skip(1), p => Assert.StartsWith(" ", p, StringComparison.Ordinal));
        Assert.Equal(line, string.Concat(physical.Select((p, i) => i == 0 ? p : p[1..])));
    }

    [Fact]
    public void A_short_line_is_left_alone() => Assert.Equal("SUMMARY:DS", CalendarFeedWriter.Fold("SUMMARY:DS"));
}
