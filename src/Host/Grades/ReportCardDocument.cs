using System.Globalization;
using MonBureau.Host.Certificates;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;

namespace MonBureau.Host.Grades;

/// <summary>One subject's line of a report card; figures out of 20.</summary>
internal sealed record ReportCardLine(string Subject, decimal Coefficient, decimal? Average, decimal? ClassAverage, decimal? Lowest, decimal? Highest, string? Appreciation);

/// <summary>What a report card (bulletin) states. Holds the student's name and appreciations: never logged.</summary>
internal sealed record ReportCardContent(
    string EstablishmentName,
    string Uai,
    string StudentName,
    string ClassName,
    string SchoolYear,
    string TermName,
    DateOnly TermStart,
    DateOnly TermEnd,
    IReadOnlyList<ReportCardLine> Lines,
    decimal? GeneralAverage,
    string? GeneralAppreciation,
    int? JustifiedHalfDays,
    int? UnjustifiedHalfDays);

/// <summary>Lays out an A4 bulletin: one line per subject with the class's figures, then the general average and absences.</summary>
internal static class ReportCardDocument
{
    private const string Family = "Segoe WP";
    private const double Margin = 45;
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    // Subject, coefficient, student, class, lowest, highest: the appreciation runs under the line across the width.
    private static readonly double[] Columns = [0, 190, 240, 310, 380, 440];

    public static byte[] Render(ReportCardContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        PackagedFontResolver.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = $"Bulletin — {content.TermName} {content.SchoolYear}";
        document.Info.Creator = "MonBureau";
        var normal = new XFont(Family, 10);
        var small = new XFont(Family, 8.5);
        var bold = new XFont(Family, 10, XFontStyleEx.Bold);
        var title = new XFont(Family, 16, XFontStyleEx.Bold);

        var page = NewPage(document);
        var gfx = XGraphics.FromPdfPage(page);
        try
        {
            var width = page.Width.Point - (2 * Margin);
            var y = Margin;
            gfx.DrawString(content.EstablishmentName, bold, XBrushes.Black, new XPoint(Margin, y));
            gfx.DrawString($"UAI : {content.Uai}", normal, XBrushes.Black, new XPoint(Margin, y + 14));
            y += 50;
            gfx.DrawString($"BULLETIN SCOLAIRE — {content.TermName}", title, XBrushes.Black, new XRect(Margin, y, width, 20), XStringFormats.TopCenter);
            y += 30;
            gfx.DrawString($"Élève : {content.StudentName}    Classe : {content.ClassName}    Année scolaire {content.SchoolYear}", normal, XBrushes.Black, new XPoint(Margin, y));
            y += 14;
            gfx.DrawString($"Période du {content.TermStart.ToString("d MMMM yyyy", French)} au {content.TermEnd.ToString("d MMMM yyyy", French)}", normal, XBrushes.Black, new XPoint(Margin, y));
            y += 26;

            Row(gfx, bold, y, ["Matière", "Coef.", "Moyenne", "Moy. classe", "Min.", "Max."]);
            y += 6;
            gfx.DrawLine(XPens.Black, Margin, y, Margin + width, y);
            y += 14;
            foreach (var line in content.Lines)
            {
                if (y > page.Height.Point - 120)
                {
                    gfx.Dispose();
                    page = NewPage(document);
                    gfx = XGraphics.FromPdfPage(page);
                    y = Margin;
                }

                Row(gfx, normal, y, [line.Subject, Number(line.Coefficient), Number(line.Average), Number(line.ClassAverage), Number(line.Lowest), Number(line.Highest)]);
                y += 13;
                if (!string.IsNullOrWhiteSpace(line.Appreciation))
                {
                    new XTextFormatter(gfx).DrawString(line.Appreciation, small, XBrushes.DimGray, new XRect(Margin + 10, y - 8, width - 10, 36), XStringFormats.TopLeft);
                    y += 30;
                }

                gfx.DrawLine(XPens.LightGray, Margin, y - 6, Margin + width, y - 6);
                y += 8;
            }

            y += 10;
            gfx.DrawString($"Moyenne générale : {Number(content.GeneralAverage)} / 20", bold, XBrushes.Black, new XPoint(Margin, y));
            y += 16;
            if (content.JustifiedHalfDays is { } justified && content.UnjustifiedHalfDays is { } unjustified)
            {
                gfx.DrawString($"Absences : {justified + unjustified} demi-journée(s), dont {unjustified} non justifiée(s)", normal, XBrushes.Black, new XPoint(Margin, y));
                y += 16;
            }

            if (!string.IsNullOrWhiteSpace(content.GeneralAppreciation))
            {
                gfx.DrawString("Appréciation générale :", bold, XBrushes.Black, new XPoint(Margin, y));
                new XTextFormatter(gfx).DrawString(content.GeneralAppreciation, normal, XBrushes.Black, new XRect(Margin, y + 6, width, 60), XStringFormats.TopLeft);
            }

            gfx.DrawString("Moyennes sur 20, arrondies au centième. Bulletin délivré par MonBureau ; chaque consultation par un tiers est enregistrée.",
                new XFont(Family, 7), XBrushes.Gray, new XPoint(Margin, page.Height.Point - 30));
        }
        finally
        {
            gfx.Dispose();
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static PdfPage NewPage(PdfDocument document)
    {
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        return page;
    }

    private static void Row(XGraphics gfx, XFont font, double y, string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
            gfx.DrawString(cells[i], font, XBrushes.Black, new XPoint(Margin + Columns[i], y));
    }

    /// <summary>French decimal comma, two decimals: « 14,50 »; a dash when there is no figure.</summary>
    private static string Number(decimal? value) => value?.ToString("0.00", French) ?? "—";
}
