from qa_checker.cli import main

main()
