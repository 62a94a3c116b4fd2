Console.WriteLine("DaprSync standalone host: the sandbox arrives in the next step.");
return 0;
