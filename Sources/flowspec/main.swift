print("flowspec")
