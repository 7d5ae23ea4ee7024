using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using MonBureau.Domain.Home;

namespace MonBureau.Projections.Home;

/// <summary>A person's home-page preferences in one profile, as the home pages and <c>myHomePreferences</c> read them.</summary>
public sealed class HomePreferencesView
{
    public Guid Id { get; set; }
    public HomePreferences Preferences { get; set; } = null!;

    public static HomePreferencesView Of(HomePreferences preferences)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        return new() { Id = preferences.Id, Preferences = preferences };
    }
}

public partial class HomePreferencesViewProjection : SingleStreamProjection<HomePreferencesView, Guid>
{
    public static HomePreferencesView Create(HomeModeChosen e) => HomePreferencesView.Of(HomePreferences.Create(e));

    public static HomePreferencesView Create(HomeWidgetsConfigured e) => HomePreferencesView.Of(HomePreferences.Create(e));

    public static HomePreferencesView Create(WeeklyReminderTicked e) => HomePreferencesView.Of(HomePreferences.Create(e));

    public static void Apply(HomeModeChosen e, HomePreferencesView view) => view.Preferences = view.Preferences.Apply(e);

    public static void Apply(HomeWidgetsConfigured e, HomePreferencesView view) => view.Preferences = view.Preferences.Apply(e);

    public static void Apply(WeeklyReminderTicked e, HomePreferencesView view) => view.Preferences = view.Preferences.Apply(e);
}

public static class HomeProjectionsSetup
{
    public static void AddHomeProjections(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Add<HomePreferencesViewProjection>(ProjectionLifecycle.Inline);
    }
}
