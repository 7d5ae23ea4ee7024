namespace MonBureau.Domain.Privacy;

/// <summary>Categories of personal data with their own retention rule (registre des traitements, RGPD art. 30).</summary>
public enum RetentionCategory
{
    AccountData,
    AccessHistory,
    ConnectionLogs,
    SchoolLifeData,
    Homework,
    Messages,
    LessonLog,
    Sanctions,
    WorkspaceBin,
}
