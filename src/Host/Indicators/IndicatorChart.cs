using System.Globalization;
using System.Security;
using System.Text;
using MonBureau.Domain.Common;
using MonBureau.Domain.Indicators;

namespace MonBureau.Host.Indicators;

/// <summary>
/// Draws one indicator over the weeks of a school year as a self-contained SVG: a line per run of weeks with a figure
/// (weeks without one leave a gap), the alert threshold dashed, a tick per month. Written by hand, without a charting
/// library, so it needs no native graphics assets on the server (ADR 0020).
/// </summary>
public static class IndicatorChart
{
    private const int Width = 760, Height = 320, Left = 56, Right = 16, Top = 40, Bottom = 44;
    private static readonly string[] Months = ["sept.", "oct.", "nov.", "déc.", "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août"];

    public static IReadOnlyList<IsoWeek> WeeksOf(SchoolYear year)
    {
        var weeks = new List<IsoWeek>();
        for (var week = IsoWeek.Of(new DateOnly(year.StartYear, 9, 1)); week <= IsoWeek.Of(year.LastDay); week = week.Next())
            weeks.Add(week);
        return weeks;
    }

    public static string Svg(string title, SchoolYear year, IReadOnlyDictionary<IsoWeek, double> values, IndicatorThreshold threshold)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(threshold);
        var weeks = WeeksOf(year);
        var delay = threshold.Indicator == Indicator.TeacherResponseDelay;
        var top = delay ? Math.Ceiling(Math.Max(threshold.Threshold * 1.5, values.Values.DefaultIfEmpty(0).Max() * 1.1) / 12) * 12 : 100;
        double X(int index) => Left + (index + 0.5) * (Width - Left - Right) / weeks.Count;
        double Y(double value) => Top + (1 - (Math.Clamp(value, 0, top) / top)) * (Height - Top - Bottom);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"22\" font-size=\"14\" font-weight=\"bold\">{SecurityElement.Escape(title)}</text>");
        for (var step = 0; step <= 4; step++)
        {
            var value = top * step / 4;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(value):0.#}\" y2=\"{Y(value):0.#}\" stroke=\"#e5e5e5\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Y(value) + 4:0.#}\" text-anchor=\"end\">{value:0}{(delay ? " h" : " %")}</text>");
        }

        for (var i = 0; i < weeks.Count; i++)
        {
            var monday = weeks[i].Monday;
            if (i == 0 || monday.Month != weeks[i - 1].Monday.Month)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(i):0.#}\" x2=\"{X(i):0.#}\" y1=\"{Height - Bottom}\" y2=\"{Height - Bottom + 5}\" stroke=\"#555\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(i):0.#}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\">{Months[(monday.Month + 3) % 12]}</text>");
            }
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(threshold.Threshold):0.#}\" y2=\"{Y(threshold.Threshold):0.#}\" stroke=\"#c0392b\" stroke-dasharray=\"6 4\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right}\" y=\"{Y(threshold.Threshold) - 4:0.#}\" text-anchor=\"end\" fill=\"#c0392b\">seuil d'alerte {threshold.Threshold:0.#}{(delay ? " h" : " %")}</text>");
        foreach (var run in Runs(weeks, values))
        {
            var points = string.Join(' ', run.Select(i => string.Create(CultureInfo.InvariantCulture, $"{X(i):0.#},{Y(values[weeks[i]]):0.#}")));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{points}\" fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\"/>");
            foreach (var i in run)
            {
                var alert = threshold.Alerts(values[weeks[i]]);
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(i):0.#}\" cy=\"{Y(values[weeks[i]]):0.#}\" r=\"3\" fill=\"{(alert ? "#c0392b" : "#1f5fa8")}\"><title>{weeks[i]}: {values[weeks[i]]:0.#}</title></circle>");
            }
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{Height - 8}\" fill=\"#555\">Année scolaire {year} · semaines ISO, heure de l'établissement</text>");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Consecutive weeks that have a figure: each is drawn as one line.</summary>
    private static IEnumerable<List<int>> Runs(IReadOnlyList<IsoWeek> weeks, IReadOnlyDictionary<IsoWeek, double> values)
    {
        var run = new List<int>();
        for (var i = 0; i < weeks.Count; i++)
        {
            if (values.ContainsKey(weeks[i]))
            {
                run.Add(i);
                continue;
            }

            if (run.Count > 0)
                yield return run;
            run = [];
        }

        if (run.Count > 0)
            yield return run;
    }
}
