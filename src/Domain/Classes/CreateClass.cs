using MonBureau.Domain.Common;

namespace MonBureau.Domain.Classes;

public sealed record CreateClass(Guid EstablishmentId, string Name, int? SchoolYearStart);

public static class ClassDecisions
{
    /// <summary>The school year a new class belongs to: the one asked for, else the current one at the establishment.</summary>
    public static SchoolYear SchoolYearFor(CreateClass command, DateOnly establishmentToday)
    {
        ArgumentNullException.ThrowIfNull(command);
        var year = command.SchoolYearStart is { } start ? new SchoolYear(start) : SchoolYear.Containing(establishmentToday);
        if (year.StartYear < 2000 || year.StartYear > establishmentToday.Year + 1)
            throw BusinessRuleException.Invalid($"School year {year} is out of range.");
        return year;
    }

    /// <param name="nameTaken">Whether the establishment already has a class of that name in that school year.</param>
    public static ClassCreated Create(Guid newId, CreateClass command, bool establishmentExists, SchoolYear year, bool nameTaken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!establishmentExists)
            throw BusinessRuleException.NotFound("Establishment");
        var name = Require.Text(command.Name, "Class name", 50);
        if (nameTaken)
            throw new BusinessRuleException(ErrorCodes.Conflict, $"Class {name} already exists for {year}.");
        return new ClassCreated(newId, command.EstablishmentId, name, year);
    }
}
