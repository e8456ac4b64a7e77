return await TriageBot.TriageBotCli.RunAsync(args);
