using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;

namespace MonBureau.Host.Certificates;

/// <summary>What a certificate of schooling states. Holds the student's name: never logged.</summary>
internal sealed record SchoolingCertificateContent(
    Guid CertificateId,
    string EstablishmentName,
    string Uai,
    string Academy,
    string StudentName,
    string ClassName,
    string SchoolYear,
    DateOnly IssuedOn,
    string Place);

/// <summary>Lays out a one-page A4 certificat de scolarité.</summary>
internal static class SchoolingCertificateDocument
{
    private const string Family = "Segoe WP";
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static byte[] Render(SchoolingCertificateContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        PackagedFontResolver.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = "Certificat de scolarité";
        document.Info.Creator = "MonBureau";
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var normal = new XFont(Family, 11);
            var bold = new XFont(Family, 11, XFontStyleEx.Bold);
            var title = new XFont(Family, 18, XFontStyleEx.Bold);
            const double margin = 60;
            var width = page.Width.Point - (2 * margin);
            var y = margin;

            foreach (var (line, font) in new (string, XFont)[]
                     {
                         (content.EstablishmentName, bold),
                         ($"UAI : {content.Uai}", normal),
                         ($"Académie de {content.Academy}", normal),
                     })
            {
                gfx.DrawString(line, font, XBrushes.Black, new XPoint(margin, y));
                y += 16;
            }

            y += 60;
            gfx.DrawString("CERTIFICAT DE SCOLARITÉ", title, XBrushes.Black, new XRect(margin, y, width, 24), XStringFormats.TopCenter);
            y += 70;

            var body = $"Le chef d'établissement soussigné certifie que l'élève {content.StudentName} est inscrit(e) "
                + $"en classe de {content.ClassName} à l'établissement {content.EstablishmentName} (UAI {content.Uai}) "
                + $"pour l'année scolaire {content.SchoolYear}.";
            new XTextFormatter(gfx).DrawString(body, normal, XBrushes.Black, new XRect(margin, y, width, 120), XStringFormats.TopLeft);
            y += 130;

            gfx.DrawString($"Fait à {content.Place}, le {content.IssuedOn.ToString("d MMMM yyyy", French)}.", normal, XBrushes.Black, new XPoint(margin, y));
            y += 40;
            gfx.DrawString("Le chef d'établissement", normal, XBrushes.Black, new XPoint(page.Width.Point - margin - 160, y));

            var footer = new XFont(Family, 8);
            gfx.DrawString($"Certificat n° {content.CertificateId} délivré par MonBureau ; sa délivrance est enregistrée.",
                footer, XBrushes.Gray, new XPoint(margin, page.Height.Point - 40));
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }
}
