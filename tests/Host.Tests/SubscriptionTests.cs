using System.Net;
using System.Text.Json.Nodes;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>GraphQL subscriptions over WebSocket (graphql-transport-ws) with a real client: what a front-end sees without polling.</summary>
[Collection(MessagingHost.Name)]
public class SubscriptionTests(MessagingAppFactory app)
{
    private const string MessageReceived = "subscription { messageReceived { id subject messages { body authorName } } }";
    private const string NotificationReceived = "subscription { notificationReceived { kind summary actorId unread } }";

    private static void AssertType(string expected, JsonNode? message) =>
        Assert.True(message?["type"]?.GetValue<string>() == expected, $"expected {expected}, got {message?.ToJsonString() ?? "the connection closed"}");

    /// <summary>The field of a next message's data, failing with the whole message when it is not one.</summary>
    private static JsonNode DataOf(JsonNode? message, string field)
    {
        AssertType("next", message);
        return message!["payload"]?["data"]?[field] ?? throw new Xunit.Sdk.XunitException($"no {field} in {message.ToJsonString()}");
    }

    [Fact]
    public async Task A_teacher_subscribed_to_their_messages_receives_the_one_a_guardian_sends_them_and_their_notification_at_once()
    {
        app.MoveToNext(DayOfWeek.Tuesday, 10);
        var family = await FamilyScenario.CreateAsync(app);
        await using var teacher = await GraphQLSocket.InitialiseAsync(app, family.School.TeacherToken);
        AssertType("connection_ack", await teacher.ReceiveAsync());
        await teacher.SubscribeAsync("messages", MessageReceived);
        await teacher.SubscribeAsync("notifications", NotificationReceived);

        (await app.Client(family.GuardianToken).SendAsync(MessagingTests.Send, MessagingTests.To(family.School.TeacherId))).Ok();

        var received = new[] { await teacher.ReceiveAsync(), await teacher.ReceiveAsync() }.ToDictionary(m => m?["id"]?.GetValue<string>() ?? "closed");
        var thread = DataOf(received.GetValueOrDefault("messages"), "messageReceived");
        Assert.Equal("Sortie au musée", thread["subject"]!.GetValue<string>());
        Assert.Equal("Bonjour, pouvez-vous me rappeler ?", thread["messages"]![0]!["body"]!.GetValue<string>());
        Assert.Equal("Sophie Schneider", thread["messages"]![0]!["authorName"]!.GetValue<string>());
        var notification = DataOf(received.GetValueOrDefault("notifications"), "notificationReceived");
        Assert.Equal(family.GuardianId.ToString(), notification["actorId"]!.GetValue<string>());
        Assert.True(notification["unread"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Nobody_sees_someone_elses_messages_a_subscription_only_ever_carries_the_signed_in_persons_own()
    {
        app.MoveToNext(DayOfWeek.Tuesday, 10);
        var family = await FamilyScenario.CreateAsync(app);
        await using var other = await GraphQLSocket.InitialiseAsync(app, family.OtherTeacherToken);
        AssertType("connection_ack", await other.ReceiveAsync());
        await other.SubscribeAsync("1", MessageReceived);
        await using var teacher = await GraphQLSocket.InitialiseAsync(app, family.School.TeacherToken);
        AssertType("connection_ack", await teacher.ReceiveAsync());
        await teacher.SubscribeAsync("1", MessageReceived);

        (await app.Client(family.GuardianToken).SendAsync(MessagingTests.Send, MessagingTests.To(family.School.TeacherId))).Ok();

        AssertType("next", await teacher.ReceiveAsync()); // delivered: the other teacher's would have come by now
        await other.SendAsync(new { type = "ping" });
        AssertType("pong", await other.ReceiveAsync()); // the first thing the other teacher gets is the answer to their ping
    }

    [Fact]
    public async Task After_a_client_completes_its_subscription_no_more_messages_come_and_the_connection_stays_open()
    {
        app.MoveToNext(DayOfWeek.Tuesday, 10);
        var family = await FamilyScenario.CreateAsync(app);
        await using var teacher = await GraphQLSocket.InitialiseAsync(app, family.School.TeacherToken);
        AssertType("connection_ack", await teacher.ReceiveAsync());
        await teacher.SubscribeAsync("1", MessageReceived);
        var guardian = app.Client(family.GuardianToken);
        (await guardian.SendAsync(MessagingTests.Send, MessagingTests.To(family.School.TeacherId))).Ok();
        AssertType("next", await teacher.ReceiveAsync());

        await teacher.SendAsync(new { id = "1", type = "complete" });
        await teacher.SendAsync(new { type = "ping" });
        AssertType("pong", await teacher.ReceiveAsync()); // the complete was handled before the ping
        (await guardian.SendAsync(MessagingTests.Send, MessagingTests.To(family.School.TeacherId, subject: "Encore une question"))).Ok();
        await Task.Delay(300);
        await teacher.SendAsync(new { type = "ping" });

        AssertType("pong", await teacher.ReceiveAsync());
    }

    [Fact]
    public async Task A_connection_with_an_invalid_token_is_closed_as_forbidden()
    {
        await using var socket = await GraphQLSocket.InitialiseAsync(app, app.TokenFor(new(Guid.CreateVersion7(), Domain.Common.Role.Teacher, Guid.CreateVersion7()))[..^4] + "AAAA");

        Assert.Equal(4403, await socket.ClosedWithAsync());
    }

    [Fact]
    public async Task A_connection_without_a_token_is_closed_as_forbidden()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(app);
        await socket.SendAsync(new { type = "connection_init" });

        Assert.Equal(4403, await socket.ClosedWithAsync());
    }

    [Fact]
    public async Task Subscribing_before_the_connection_is_acknowledged_is_refused_as_unauthorized()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(app);
        await socket.SubscribeAsync("1", MessageReceived);

        Assert.Equal(4401, await socket.ClosedWithAsync());
    }

    [Fact]
    public async Task A_connection_that_never_initialises_is_closed_after_the_timeout()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(app);

        Assert.Equal(4408, await socket.ClosedWithAsync());
    }

    [Fact]
    public async Task A_second_subscription_under_an_id_still_in_use_closes_the_connection()
    {
        var school = await SchoolScenario.CreateAsync(app);
        await using var socket = await GraphQLSocket.InitialiseAsync(app, school.TeacherToken);
        AssertType("connection_ack", await socket.ReceiveAsync());
        await socket.SubscribeAsync("1", MessageReceived);
        await socket.SubscribeAsync("1", NotificationReceived);

        Assert.Equal(4409, await socket.ClosedWithAsync());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"payload":{}}""")]
    [InlineData("""{"type":"subscribe","payload":{"query":"subscription { messageReceived { id } }"}}""")]
    [InlineData("""{"type":"next","id":"1","payload":{}}""")]
    public async Task A_malformed_message_closes_the_connection_as_a_bad_request(string message)
    {
        var school = await SchoolScenario.CreateAsync(app);
        await using var socket = await GraphQLSocket.InitialiseAsync(app, school.TeacherToken);
        AssertType("connection_ack", await socket.ReceiveAsync());
        await socket.SendTextAsync(message);

        Assert.Equal(4400, await socket.ClosedWithAsync());
    }

    [Fact]
    public async Task An_invalid_operation_gets_an_error_message_and_the_connection_goes_on()
    {
        var school = await SchoolScenario.CreateAsync(app);
        await using var socket = await GraphQLSocket.InitialiseAsync(app, school.TeacherToken);
        AssertType("connection_ack", await socket.ReceiveAsync());

        await socket.SubscribeAsync("1", "subscription { noSuchField }");
        var error = await socket.ReceiveAsync();
        await socket.SubscribeAsync("2", "{ me { givenName } }");
        var query = await socket.ReceiveAsync();
        await socket.SendAsync(new { type = "ping", payload = new { } });

        AssertType("error", error);
        Assert.Equal("1", error!["id"]!.GetValue<string>());
        Assert.NotEmpty(error["payload"]!.AsArray());
        AssertType("error", query);
        Assert.Equal("VALIDATION", query!["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
        AssertType("pong", await socket.ReceiveAsync());
    }

    [Fact]
    public async Task A_client_that_does_not_speak_graphql_transport_ws_is_closed()
    {
        await using var socket = await GraphQLSocket.ConnectAsync(app, subProtocol: "graphql-ws");

        Assert.Equal(4406, await socket.ClosedWithAsync());
    }

    [Fact]
    public async Task A_subscription_sent_over_HTTP_is_refused_with_a_pointer_to_the_WebSocket()
    {
        var school = await SchoolScenario.CreateAsync(app);

        var response = await app.Client(school.TeacherToken).SendAsync(MessageReceived);

        Assert.Equal("VALIDATION", response.FirstErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }
}
