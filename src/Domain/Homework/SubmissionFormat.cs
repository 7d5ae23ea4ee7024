namespace MonBureau.Domain.Homework;

/// <summary>What a submission must contain (format attendu).</summary>
public enum SubmissionFormat
{
    /// <summary>A text answer, no files.</summary>
    Text,

    /// <summary>One or more files, no text.</summary>
    File,

    /// <summary>Text, files, or both; at least one of them.</summary>
    TextOrFile,
}
