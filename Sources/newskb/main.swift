import NewsKBCLI

NewsKBMain.main()
