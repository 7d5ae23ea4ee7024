namespace MonBureau.Application.Importing;

/// <summary>Where a long import reports how far it got; the operators' command line prints it, the API ignores it.</summary>
public interface IImportProgress
{
    void Report(string phase, int done, int total);
}

public sealed class SilentImportProgress : IImportProgress
{
    public void Report(string phase, int done, int total)
    {
    }
}
