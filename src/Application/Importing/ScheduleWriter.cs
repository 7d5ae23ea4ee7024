using Marten;
using MonBureau.Application.Identity;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.Importing;
using MonBureau.Domain.People;
using MonBureau.Domain.Timetable;

namespace MonBureau.Application.Importing;

/// <summary>Turns a schedule plan into events and bookkeeping documents in one session, counting what it did.</summary>
internal sealed class ScheduleWriter(
    IDocumentSession session, LookupKeys keys, Guid establishmentId, SchoolYear year, Dictionary<string, Guid> units, Dictionary<string, StaffRosterEntry> staff)
{
    private readonly Dictionary<string, Guid> _newTeachers = [];
    private readonly HashSet<StaffRosterEntry> _touched = [];
    private readonly Guid _timetable = TimetableStreams.For(establishmentId);
    private int _teachers, _groups, _assigned, _withdrawn, _scheduled, _cancelled;

    public IReadOnlyCollection<Guid> AllocateNewTeachers(IEnumerable<ScheduleStep> steps)
    {
        foreach (var register in steps.OfType<ScheduleStep.RegisterTeacher>())
            _newTeachers[register.Key] = Guid.CreateVersion7();
        return _newTeachers.Values;
    }

    public async Task<ScheduleImportReport> WriteAsync(IReadOnlyList<ScheduleStep> steps, IImportProgress progress, CancellationToken cancellationToken)
    {
        for (var done = 0; done < steps.Count; done++)
        {
            if (done % 250 == 0)
                progress.Report("written", done, steps.Count);
            switch (steps[done])
            {
                case ScheduleStep.RegisterTeacher register: await RegisterAsync(register, cancellationToken); break;
                case ScheduleStep.CreateGroup group: CreateGroup(group.Name); break;
                case ScheduleStep.AssignTeaching assign: Assign(assign); break;
                case ScheduleStep.WithdrawTeaching withdraw: Withdraw(withdraw); break;
                case ScheduleStep.ScheduleSlot slot: Schedule(slot); break;
                case ScheduleStep.CancelSlot cancel: Cancel(cancel.SlotId); break;
            }
        }

        progress.Report("written", steps.Count, steps.Count);
        foreach (var entry in _touched)
            session.Store(entry);
        return new ScheduleImportReport(_teachers, _groups, _assigned, _withdrawn, _scheduled, _cancelled, [], []);
    }

    private async Task RegisterAsync(ScheduleStep.RegisterTeacher register, CancellationToken cancellationToken)
    {
        var id = _newTeachers[register.Key];
        session.Events.StartStream<Person>(id, PeopleDecisions.RegisterStaffMember(id, new RegisterStaffMember(establishmentId, Role.Teacher, register.GivenName, register.FamilyName), true));
        await NameIndexes.AddAsync(session, keys, register.FamilyName, register.GivenName, id, cancellationToken);
        var entry = new StaffRosterEntry { Id = StaffRosterEntry.IdFor(establishmentId, register.Key), EstablishmentId = establishmentId, Key = register.Key, PersonId = id };
        staff[register.Key] = entry;
        _touched.Add(entry);
        _teachers++;
    }

    private void CreateGroup(string name)
    {
        var id = Guid.CreateVersion7();
        session.Insert(new UniqueClaim(UniqueClaim.ForGroupName(establishmentId, year.StartYear, name), id));
        session.Events.StartStream<SchoolGroup>(id, new GroupCreated(id, establishmentId, name, year));
        units[name] = id;
        _groups++;
    }

    private void Assign(ScheduleStep.AssignTeaching assign)
    {
        var entry = staff[assign.TeacherKey];
        session.Events.Append(entry.PersonId, new TeachingAssigned(entry.PersonId, establishmentId, units[assign.Unit], assign.Subject));
        entry.Teachings.Add(new ImportedTeaching(assign.Unit, assign.Subject));
        _touched.Add(entry);
        _assigned++;
    }

    private void Withdraw(ScheduleStep.WithdrawTeaching withdraw)
    {
        var entry = staff[withdraw.TeacherKey];
        if (units.TryGetValue(withdraw.Unit, out var unitId))
            session.Events.Append(entry.PersonId, new TeachingWithdrawn(entry.PersonId, establishmentId, unitId, withdraw.Subject));
        entry.Teachings.Remove(new ImportedTeaching(withdraw.Unit, withdraw.Subject));
        _touched.Add(entry);
        _withdrawn++;
    }

    private void Schedule(ScheduleStep.ScheduleSlot slot)
    {
        var id = Guid.CreateVersion7();
        var teacherId = staff[slot.TeacherKey].PersonId;
        session.Events.Append(_timetable, new TimetableSlotScheduled(establishmentId, id,
            new TimetableSlot(teacherId, units[slot.Unit], slot.Subject, slot.Day, slot.Start, slot.End, slot.Room, slot.Week)));
        session.Store(new ImportedSlot(id, establishmentId, slot.TeacherKey, slot.Unit, slot.Subject, slot.Day, slot.Start, slot.End, slot.Room, slot.Week));
        _scheduled++;
    }

    private void Cancel(Guid slotId)
    {
        session.Events.Append(_timetable, new TimetableSlotCancelled(establishmentId, slotId));
        session.Delete<ImportedSlot>(slotId);
        _cancelled++;
    }
}
