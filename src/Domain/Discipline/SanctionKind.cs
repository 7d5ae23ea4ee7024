namespace MonBureau.Domain.Discipline;

/// <summary>
/// Disciplinary sanctions of the Code de l'éducation (R511-13), from the mildest. Only the head of the establishment
/// (chef d'établissement) or the disciplinary board pronounces them; each has a legal erasure date.
/// </summary>
public enum SanctionKind
{
    /// <summary>Avertissement.</summary>
    Warning,

    /// <summary>Blâme.</summary>
    Reprimand,

    /// <summary>Mesure de responsabilisation.</summary>
    ResponsibilityMeasure,

    /// <summary>Exclusion temporaire de la classe (at most 8 days).</summary>
    TemporaryClassExclusion,

    /// <summary>Exclusion temporaire de l'établissement ou d'un service annexe (at most 8 days).</summary>
    TemporaryEstablishmentExclusion,

    /// <summary>Exclusion définitive (disciplinary board).</summary>
    PermanentExclusion,
}

/// <summary>
/// Punitions scolaires: measures inside the classroom and school life, given by teachers and school-life staff for a
/// breach of the rules (règlement intérieur); they are not sanctions and have no erasure date of their own.
/// </summary>
public enum PunishmentKind
{
    /// <summary>Inscription sur le carnet de correspondance (observation).</summary>
    Observation,

    /// <summary>Excuse orale.</summary>
    OralApology,

    /// <summary>Excuse écrite.</summary>
    WrittenApology,

    /// <summary>Devoir supplémentaire.</summary>
    ExtraWork,

    /// <summary>Retenue.</summary>
    Detention,
}
