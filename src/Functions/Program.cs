var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/", () => Results.Ok());
app.Run();
