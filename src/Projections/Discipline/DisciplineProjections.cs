using JasperFx.Events.Projections;
using Marten;

namespace MonBureau.Projections.Discipline;

public static class DisciplineProjections
{
    public static void AddDisciplineProjections(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Add<PunishmentDetailsProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<SanctionDetailsProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<PunishmentDetails>().Index(x => x.StudentId).Index(x => x.GivenBy);
        options.Schema.For<SanctionDetails>().Index(x => x.StudentId);
    }
}
