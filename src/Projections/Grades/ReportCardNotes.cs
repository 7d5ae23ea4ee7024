using Marten.Events.Aggregation;
using MonBureau.Domain.Common;
using MonBureau.Domain.Grades;

namespace MonBureau.Projections.Grades;

/// <summary>A teacher's appreciation in one subject; the text is sealed under the student.</summary>
public sealed class SubjectAppreciation
{
    public string Subject { get; set; } = "";
    public Guid TeacherId { get; set; }
    public PersonalData Text { get; set; } = null!;
    public DateTimeOffset WrittenAt { get; set; }
}

/// <summary>The appreciations written for one student's report card of one term (one per subject, plus direction's general one).</summary>
public sealed class ReportCardNotes
{
    public Guid Id { get; set; }
    public Guid EstablishmentId { get; set; }
    public Guid StudentId { get; set; }
    public int SchoolYear { get; set; }
    public int Term { get; set; }
    public List<SubjectAppreciation> Subjects { get; set; } = [];
    public PersonalData? General { get; set; }
    public Guid? GeneralAuthorId { get; set; }
    public DateTimeOffset? GeneralWrittenAt { get; set; }

    public SubjectAppreciation? For(string subject) => Subjects.FirstOrDefault(s => s.Subject == subject);
}

public partial class ReportCardNotesProjection : SingleStreamProjection<ReportCardNotes, Guid>
{
    public static ReportCardNotes Create(SubjectAppreciationWritten e)
    {
        var notes = New(e.ReportCardId, e.EstablishmentId, e.StudentId, e.SchoolYear, e.Term);
        Write(e, notes);
        return notes;
    }

    public static ReportCardNotes Create(GeneralAppreciationWritten e)
    {
        var notes = New(e.ReportCardId, e.EstablishmentId, e.StudentId, e.SchoolYear, e.Term);
        Write(e, notes);
        return notes;
    }

    public void Apply(SubjectAppreciationWritten e, ReportCardNotes notes) => Write(e, notes);

    public void Apply(GeneralAppreciationWritten e, ReportCardNotes notes) => Write(e, notes);

    private static ReportCardNotes New(Guid id, Guid establishmentId, Guid studentId, SchoolYear year, int term) =>
        new() { Id = id, EstablishmentId = establishmentId, StudentId = studentId, SchoolYear = year.StartYear, Term = term };

    private static void Write(SubjectAppreciationWritten e, ReportCardNotes notes)
    {
        notes.Subjects.RemoveAll(s => s.Subject == e.Subject);
        notes.Subjects.Add(new SubjectAppreciation { Subject = e.Subject, TeacherId = e.TeacherId, Text = e.Text, WrittenAt = e.WrittenAt });
    }

    private static void Write(GeneralAppreciationWritten e, ReportCardNotes notes)
    {
        notes.General = e.Text;
        notes.GeneralAuthorId = e.AuthorId;
        notes.GeneralWrittenAt = e.WrittenAt;
    }
}
