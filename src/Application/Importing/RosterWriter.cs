using Marten;
using MonBureau.Application.Identity;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.Identity;
using MonBureau.Domain.Importing;
using MonBureau.Domain.People;

namespace MonBureau.Application.Importing;

/// <summary>Turns a roster plan into events and bookkeeping documents in one session, counting what it did.</summary>
internal sealed class RosterWriter(
    IDocumentSession session,
    LookupKeys keys,
    Guid establishmentId,
    SchoolYear year,
    Dictionary<string, Guid> classIds,
    Dictionary<string, RosterEntry> entries,
    Dictionary<string, NameIndex> names)
{
    private readonly Dictionary<string, Guid> _newStudents = [];
    private readonly Dictionary<string, Guid> _newGuardians = [];
    private readonly HashSet<Guid> _registeredGuardians = [];
    private readonly HashSet<RosterEntry> _touched = [];
    private int _classes, _enrolled, _moved, _left, _guardians, _rights, _ended;

    /// <summary>Gives every person this plan creates an id up front, so their keys can be created in one batch.</summary>
    public IReadOnlyCollection<Guid> AllocateNewPeople(IEnumerable<RosterStep> steps)
    {
        foreach (var step in steps)
        {
            switch (step)
            {
                case RosterStep.Enroll enroll:
                    _newStudents[enroll.IneKey] = Guid.CreateVersion7();
                    break;
                case RosterStep.AddGuardian { ExistingPersonId: null } add when !_newGuardians.ContainsKey(add.Guardian.Key):
                    _newGuardians[add.Guardian.Key] = Guid.CreateVersion7();
                    break;
            }
        }

        return [.. _newStudents.Values, .. _newGuardians.Values];
    }

    public async Task<ImportReport> WriteAsync(IReadOnlyList<RosterStep> steps, IImportProgress progress, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var done = 0; done < steps.Count; done++)
        {
            if (done % 250 == 0)
                progress.Report("written", done, steps.Count);
            switch (steps[done])
            {
                case RosterStep.CreateClass create: CreateClass(create.Name); break;
                case RosterStep.Enroll enroll: Enroll(enroll); break;
                case RosterStep.MoveToClass move: Move(move); break;
                case RosterStep.Leave leave: await LeaveAsync(leave.StudentId, now, cancellationToken); break;
                case RosterStep.AddGuardian add: AddGuardian(add); break;
                case RosterStep.ChangeRights change: ChangeRights(change); break;
                case RosterStep.EndGuardianship end: EndGuardianship(end.StudentId, end.GuardianId); break;
            }
        }

        progress.Report("written", steps.Count, steps.Count);
        foreach (var entry in _touched)
            session.Store(entry);
        foreach (var index in names.Values)
            session.Store(index);
        return new ImportReport(_classes, _enrolled, _moved, _left, _guardians, _rights, _ended, [], []);
    }

    private void CreateClass(string name)
    {
        var id = Guid.CreateVersion7();
        session.Insert(new UniqueClaim(UniqueClaim.ForClassName(establishmentId, year.StartYear, name), id));
        session.Events.StartStream<SchoolClass>(id, new ClassCreated(id, establishmentId, name, year));
        classIds[name] = id;
        _classes++;
    }

    private void Enroll(RosterStep.Enroll enroll)
    {
        var id = _newStudents[enroll.IneKey];
        var classId = classIds[enroll.Line.ClassName];
        var schoolClass = new SchoolClass(classId, establishmentId, enroll.Line.ClassName, year);
        session.Events.StartStream<Person>(id, PeopleDecisions.EnrollStudent(id, new EnrollStudent(classId, enroll.Line.GivenName, enroll.Line.FamilyName), schoolClass));
        var entry = new RosterEntry
        {
            Id = RosterEntry.IdFor(establishmentId, enroll.IneKey),
            EstablishmentId = establishmentId,
            IneKey = enroll.IneKey,
            PersonId = id,
            ClassName = enroll.Line.ClassName,
        };
        entries[enroll.IneKey] = entry;
        _touched.Add(entry);
        _enrolled++;
    }

    private void Move(RosterStep.MoveToClass move)
    {
        session.Events.Append(move.StudentId, new StudentChangedClass(move.StudentId, establishmentId, classIds[move.ClassName]));
        var entry = EntryOf(move.StudentId);
        entry.ClassName = move.ClassName;
        _touched.Add(entry);
        _moved++;
    }

    private async Task LeaveAsync(Guid studentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entry = EntryOf(studentId);
        foreach (var guardian in entry.Guardians.Values)
            EndGuardianship(studentId, guardian.GuardianId);
        session.Events.Append(studentId, new StudentLeftEstablishment(studentId, establishmentId));

        var person = await session.Events.FetchLatest<Person>(studentId, cancellationToken);
        var remaining = person?.Profiles.Count(p => p != new Profile(Role.Student, establishmentId)) ?? 0;
        if (remaining == 0 && await session.Events.FetchLatest<Account>(studentId, cancellationToken) is { Status: not AccountStatus.Closed })
            session.Events.Append(studentId, new AccountClosed(studentId, now));

        entries.Remove(entry.IneKey);
        _touched.Remove(entry);
        session.Delete<RosterEntry>(entry.Id);
        _left++;
    }

    private void AddGuardian(RosterStep.AddGuardian add)
    {
        var studentId = add.StudentId ?? _newStudents[add.IneKey];
        var guardianId = add.ExistingPersonId ?? _newGuardians[add.Guardian.Key];
        var established = new GuardianshipEstablished(guardianId, studentId, establishmentId, add.Guardian.Rights);
        if (add.ExistingPersonId is null && _registeredGuardians.Add(guardianId))
        {
            var registered = new PersonRegistered(guardianId, PersonalData.Of(guardianId, add.Guardian.GivenName), PersonalData.Of(guardianId, add.Guardian.FamilyName));
            session.Events.StartStream<Person>(guardianId, registered, established);
            session.Store(new GuardianKey(GuardianKey.IdFor(establishmentId, add.Guardian.Key), guardianId));
            NameOf(add.Guardian).PersonIds.Add(guardianId);
        }
        else
        {
            session.Events.Append(guardianId, established);
        }

        var entry = entries.Values.First(e => e.PersonId == studentId);
        entry.Guardians[add.Guardian.Key] = new KnownGuardianship(guardianId, add.Guardian.Rights);
        _touched.Add(entry);
        _guardians++;
    }

    private void ChangeRights(RosterStep.ChangeRights change)
    {
        session.Events.Append(change.GuardianId, new GuardianshipEstablished(change.GuardianId, change.StudentId, establishmentId, change.Rights));
        var entry = EntryOf(change.StudentId);
        var key = entry.Guardians.First(g => g.Value.GuardianId == change.GuardianId).Key;
        entry.Guardians[key] = new KnownGuardianship(change.GuardianId, change.Rights);
        _touched.Add(entry);
        _rights++;
    }

    private void EndGuardianship(Guid studentId, Guid guardianId)
    {
        session.Events.Append(guardianId, new GuardianshipEnded(guardianId, studentId, establishmentId));
        var entry = EntryOf(studentId);
        foreach (var key in entry.Guardians.Where(g => g.Value.GuardianId == guardianId).Select(g => g.Key).ToList())
            entry.Guardians.Remove(key);
        _touched.Add(entry);
        _ended++;
    }

    private RosterEntry EntryOf(Guid studentId) => entries.Values.First(e => e.PersonId == studentId);

    private NameIndex NameOf(GuardianLine guardian)
    {
        var id = keys.ForName(guardian.FamilyName, guardian.GivenName);
        if (!names.TryGetValue(id, out var index))
            names[id] = index = new NameIndex { Id = id };
        return index;
    }
}
