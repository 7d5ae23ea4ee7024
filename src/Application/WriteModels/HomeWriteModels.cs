using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using MonBureau.Domain.Home;

namespace MonBureau.Application.WriteModels;

public partial class HomePreferencesState : SingleStreamProjection<HomePreferences, Guid>
{
    public static HomePreferences Create(HomeModeChosen e) => HomePreferences.Create(e);

    public static HomePreferences Create(HomeWidgetsConfigured e) => HomePreferences.Create(e);

    public static HomePreferences Create(WeeklyReminderTicked e) => HomePreferences.Create(e);

    public HomePreferences Apply(HomeModeChosen e, HomePreferences preferences) => preferences.Apply(e);

    public HomePreferences Apply(HomeWidgetsConfigured e, HomePreferences preferences) => preferences.Apply(e);

    public HomePreferences Apply(WeeklyReminderTicked e, HomePreferences preferences) => preferences.Apply(e);
}

public static class HomeWriteModelsSetup
{
    /// <summary>Each person's home-page preferences, per profile.</summary>
    public static void AddHomeWriteModels(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Add<HomePreferencesState>(ProjectionLifecycle.Inline);
    }
}
