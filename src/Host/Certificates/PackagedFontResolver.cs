using PdfSharp.Fonts;
using PdfSharp.WPFonts;

namespace MonBureau.Host.Certificates;

/// <summary>
/// PDFsharp 6 finds no fonts by itself off Windows. Rather than depend on what a server has installed, or keep a
/// font file in the repository, every family resolves to the Segoe WP faces that ship inside the PDFsharp package
/// (PdfSharp.WPFonts), so documents look the same on every machine (ADR 0014).
/// </summary>
internal sealed class PackagedFontResolver : IFontResolver
{
    private const string Regular = "SegoeWP";
    private const string Bold = "SegoeWP-Bold";

    private static readonly Lock Gate = new();

    /// <summary>Installs the resolver once per process; PDFsharp's font settings are global.</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not PackagedFontResolver)
                GlobalFontSettings.FontResolver = new PackagedFontResolver();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: isItalic);

    public byte[]? GetFont(string faceName) => faceName == Bold ? FontDataHelper.SegoeWPBold : FontDataHelper.SegoeWP;
}
