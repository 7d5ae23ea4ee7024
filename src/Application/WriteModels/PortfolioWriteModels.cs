using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using MonBureau.Domain.Portfolios;

namespace MonBureau.Application.WriteModels;

public partial class PortfolioState : SingleStreamProjection<Portfolio, Guid>
{
    public static Portfolio Create(PortfolioCreated e) => Portfolio.Create(e);

    public Portfolio Apply(PortfolioEntryAdded e, Portfolio portfolio) => portfolio.Apply(e);

    public Portfolio Apply(PortfolioEntryRemoved e, Portfolio portfolio) => portfolio.Apply(e);

    public Portfolio Apply(PortfolioEntriesReordered e, Portfolio portfolio) => portfolio.Apply(e);

    public Portfolio Apply(PortfolioFeedbackRequested e, Portfolio portfolio) => portfolio.Apply(e);

    public Portfolio Apply(PortfolioFeedbackGiven e, Portfolio portfolio) => portfolio.Apply(e);

    public Portfolio Apply(PortfolioShared e, Portfolio portfolio) => portfolio.Apply(e);

    public Portfolio Apply(PortfolioSharingStopped e, Portfolio portfolio) => portfolio.Apply(e);
}

public static class PortfolioWriteModelsSetup
{
    /// <summary>Student portfolios (docs/collaboration-portfolios.md).</summary>
    public static void AddPortfolioWriteModels(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Add<PortfolioState>(ProjectionLifecycle.Inline);
        options.Schema.For<Portfolio>().Index(x => x.StudentId);
    }
}
