using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using MonBureau.Application.Discipline;
using MonBureau.Domain.Discipline;

namespace MonBureau.Application.WriteModels;

public partial class SanctionState : SingleStreamProjection<Sanction, Guid>
{
    public static Sanction Create(SanctionPronounced e) => Sanction.Create(e);

    public Sanction Apply(SanctionErased e, Sanction sanction) => sanction.Apply(e);
}

public partial class PunishmentState : SingleStreamProjection<Punishment, Guid>
{
    public static Punishment Create(PunishmentGiven e) => Punishment.Create(e);

    public Punishment Apply(PunishmentErased e, Punishment punishment) => punishment.Apply(e);
}

public static class DisciplineWriteModels
{
    public static void AddDisciplineWriteModels(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Add<SanctionState>(ProjectionLifecycle.Inline);
        options.Schema.For<Sanction>().Index(x => x.ErasedOn);
        options.Projections.Add<PunishmentState>(ProjectionLifecycle.Inline);

        // Applied by the retention purge to a sanction's stream only, on its erasure date.
        options.Events.AddMaskingRuleForProtectedInformation<SanctionPronounced>(SanctionPurge.WithoutFacts);
        options.Events.AddMaskingRuleForProtectedInformation<PunishmentGiven>(SanctionPurge.WithoutFacts);
    }
}
