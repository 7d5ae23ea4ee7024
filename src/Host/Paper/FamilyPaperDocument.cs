using System.Globalization;
using MonBureau.Host.Certificates;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;

namespace MonBureau.Host.Paper;

/// <summary>One unread message as printed: confidential ones only say that one is waiting.</summary>
internal sealed record PaperMessage(string Subject, DateTimeOffset At, string? Body);

/// <summary>One child's pending items as printed.</summary>
internal sealed record PaperChild(string Name, IReadOnlyList<(string Subject, string Title, DateTimeOffset DueAt, string? Instructions)> Homework, IReadOnlyList<(DateOnly From, DateOnly To)> AbsencesToJustify);

/// <summary>What the family's paper says. Holds names and messages: never logged.</summary>
internal sealed record FamilyPaperContent(Guid IssueId, string EstablishmentName, string GuardianName, DateOnly IssuedOn, IReadOnlyList<PaperMessage> Messages, IReadOnlyList<PaperChild> Children);

/// <summary>Lays out a family's pending items (version papier) on as many A4 pages as needed, with the certificates' fonts.</summary>
internal static class FamilyPaperDocument
{
    private const string Family = "Segoe WP";
    private const double Margin = 50;
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static byte[] Render(FamilyPaperContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        PackagedFontResolver.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = "Informations en attente";
        document.Info.Creator = "MonBureau";
        using (var writer = new Writer(document))
        {
            writer.Line(content.EstablishmentName, bold: true);
            writer.Line($"Informations en attente pour {content.GuardianName}, imprimées le {content.IssuedOn.ToString("d MMMM yyyy", French)}", size: 14, bold: true);
            writer.Gap();

            writer.Line($"Messages non lus ({content.Messages.Count})", size: 13, bold: true);
            if (content.Messages.Count == 0)
                writer.Line("Aucun.");
            foreach (var message in content.Messages)
            {
                writer.Line($"{message.At.ToString("d MMMM yyyy", French)} — {message.Subject}", bold: true);
                writer.Paragraph(message.Body ?? "Message confidentiel : à consulter auprès de la vie scolaire.");
            }

            foreach (var child in content.Children)
            {
                writer.Gap();
                writer.Line(child.Name, size: 13, bold: true);
                writer.Line($"Travail à faire ({child.Homework.Count})", bold: true);
                if (child.Homework.Count == 0)
                    writer.Line("Aucun.");
                foreach (var (subject, title, dueAt, instructions) in child.Homework)
                {
                    writer.Line($"Pour le {dueAt.ToString("dddd d MMMM", French)} — {subject} : {title}");
                    if (instructions is not null)
                        writer.Paragraph(instructions);
                }

                writer.Line($"Absences à justifier ({child.AbsencesToJustify.Count})", bold: true);
                if (child.AbsencesToJustify.Count == 0)
                    writer.Line("Aucune.");
                foreach (var (from, to) in child.AbsencesToJustify)
                    writer.Line(from == to ? $"Le {from.ToString("d MMMM yyyy", French)}" : $"Du {from.ToString("d MMMM yyyy", French)} au {to.ToString("d MMMM yyyy", French)}");
            }

            writer.Gap();
            writer.Line($"Document n° {content.IssueId} remis par la vie scolaire ; sa remise est enregistrée.", size: 8);
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>Writes lines top to bottom, opening a new page when one is full.</summary>
    private sealed class Writer(PdfDocument document) : IDisposable
    {
        private PdfPage? _page;
        private XGraphics? _gfx;
        private double _y;

        public void Line(string text, double size = 11, bool bold = false)
        {
            var font = new XFont(Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            var gfx = Room(size + 6);
            gfx.DrawString(text, font, XBrushes.Black, new XPoint(Margin, _y + size));
            _y += size + 6;
        }

        public void Paragraph(string text)
        {
            var font = new XFont(Family, 10);
            // About 95 characters a line at this size and width: enough room for the text, on one page at most.
            var height = Math.Min(700, (Math.Ceiling(text.Length / 95.0) + text.Count(c => c == '\n')) * 13 + 4);
            var gfx = Room(height);
            new XTextFormatter(gfx).DrawString(text, font, XBrushes.Black, new XRect(Margin + 10, _y, _page!.Width.Point - (2 * Margin) - 10, height), XStringFormats.TopLeft);
            _y += height;
        }

        public void Gap() => _y += 12;

        private XGraphics Room(double height)
        {
            if (_gfx is null || _y + height > _page!.Height.Point - Margin)
            {
                _gfx?.Dispose();
                _page = document.AddPage();
                _page.Size = PdfSharp.PageSize.A4;
                _gfx = XGraphics.FromPdfPage(_page);
                _y = Margin;
            }

            return _gfx;
        }

        public void Dispose() => _gfx?.Dispose();
    }
}
